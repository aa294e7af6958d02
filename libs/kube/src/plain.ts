/**
 * Typed client objects → the JSON the API server sends on watches: Dates become RFC 3339 strings with second precision
 * (as metav1.Time serialises), so a listed and a watched copy of the same object are equal. managedFields are dropped:
 * they are large and no consumer of the caches needs them.
 */
export function toPlainObject<T>(value: T): T {
  const text = JSON.stringify(value, function replacer(this: Record<string, unknown>, key: string, item: unknown) {
    const original = this[key];
    if (original instanceof Date) return original.toISOString().replace(/\.000Z$/, 'Z');
    if (key === 'managedFields') return undefined;
    return item;
  });
  return text === undefined ? value : (JSON.parse(text) as T);
}

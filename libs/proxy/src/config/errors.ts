/**
 * Config problems found while compiling xDS resources. Every error names the resource and the field path, so a NACK
 * tells the control plane exactly what was refused; nothing unsupported is silently ignored.
 */
export class ConfigError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'ConfigError';
  }
}

export function fail(path: string, reason: string): never {
  throw new ConfigError(path, reason);
}

/** True when a decoded proto field holds its default (unset) value. */
export function isDefaultValue(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '' || value === 0 || value === '0') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (Buffer.isBuffer(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value as object).length === 0;
  return false;
}

/**
 * Refuses a message that sets a field the proxy does not implement. `supported` lists the fields we honour (or that
 * are purely descriptive); enum fields whose default is a name are listed with that default in `enumDefaults`.
 */
export function rejectUnsupported(
  message: object,
  path: string,
  supported: readonly string[],
  enumDefaults: Readonly<Record<string, string>> = {},
): void {
  for (const [key, value] of Object.entries(message)) {
    if (supported.includes(key)) continue;
    if (enumDefaults[key] !== undefined && value === enumDefaults[key]) continue;
    // The decoder adds a virtual field per oneof naming the member that is set; the member itself is checked.
    if (typeof value === 'string' && Object.prototype.hasOwnProperty.call(message, value)) continue;
    if (isDefaultValue(value)) continue;
    fail(`${path}.${key}`, 'field is not supported by the Isthmus proxy');
  }
}

/** "Did you mean" suggestions by edit distance, plus explicit hints for common mistakes. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const previous = new Array<number>(b.length + 1);
  const current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    for (let j = 0; j <= b.length; j++) previous[j] = current[j];
  }
  return previous[b.length];
}

const normalize = (text: string): string => text.toLowerCase().replace(/[-_]/g, '');

/**
 * Candidates close to `word`: exact matches ignoring case/underscores first, then those within a distance that grows
 * with the word's length, then any hint. At most three, best first.
 */
export function suggest(word: string, candidates: readonly string[], hints: Readonly<Record<string, string>> = {}): string[] {
  const target = normalize(word);
  const limit = Math.max(1, Math.floor(word.length / 3));
  const scored = candidates
    .map((candidate) => ({ candidate, distance: normalize(candidate) === target ? 0 : editDistance(target, normalize(candidate)) }))
    .filter((entry) => entry.distance <= limit)
    .sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate))
    .map((entry) => entry.candidate);
  const hinted = hints[word] ?? hints[target];
  if (hinted !== undefined && !scored.includes(hinted)) scored.push(hinted);
  return scored.slice(0, 3);
}

/** ` did you mean "a" or "b"?`, or an empty string. */
export function didYouMean(options: readonly string[]): string {
  if (options.length === 0) return '';
  const quoted = options.map((option) => JSON.stringify(option));
  const text = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return `; did you mean ${text}?`;
}

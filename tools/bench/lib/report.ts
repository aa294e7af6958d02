/** One line per figure, `name: value unit`, optionally with the ratio to a baseline figure. */
export function figure(name: string, value: number, unit: string, baseline?: number): void {
  const ratio = baseline !== undefined && baseline > 0 ? `  (${(value / baseline).toFixed(2)}× baseline)` : '';
  process.stdout.write(`${name}: ${format(value)} ${unit}${ratio}\n`);
}

export function heading(text: string): void {
  process.stdout.write(`\n# ${text}\n`);
}

/** p-quantile of a sorted copy of the samples (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function format(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}

/** Go-style durations as Istio writes them: `500ms`, `10s`, `1m0s`, `1h30m`, `2160h`, `1.5s`. */
const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const PART = /(\d+(?:\.\d+)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;

/** Milliseconds for a duration string, or an error message explaining the expected form. */
export function parseDuration(text: string): { ok: true; ms: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (trimmed === '0') return { ok: true, ms: 0 };
  if (trimmed.length === 0) return { ok: false, error: 'empty duration' };
  let ms = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < trimmed.length) {
    const start = PART.lastIndex;
    const match = PART.exec(trimmed);
    if (!match || match.index !== start) {
      return { ok: false, error: `invalid duration "${text}": expected a number with a unit (ms, s, m, h), e.g. 500ms, 10s, 1m0s` };
    }
    ms += Number(match[1]) * (UNIT_MS[match[2]] ?? 0);
  }
  return { ok: true, ms };
}

/** Formats milliseconds the way Go prints a time.Duration (`1m0s`, `45s`, `500ms`, `2h0m0s`). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${trimNumber(ms)}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1000;
  if (hours > 0) return `${hours}h${minutes}m${trimNumber(seconds)}s`;
  if (minutes > 0) return `${minutes}m${trimNumber(seconds)}s`;
  return `${trimNumber(seconds)}s`;
}

function trimNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(9)));
}

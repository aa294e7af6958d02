import { formatDuration, parseDuration } from './duration';

/**
 * Typed command-line flags. Every knob has a name, an optional environment variable, a default and a description, so
 * `--help` can list them all and a malformed value fails with one line naming the flag.
 */
export interface FlagSpec<T> {
  readonly name: string;
  readonly description: string;
  readonly defaultValue: T;
  /** Environment variable consulted when the flag is not on the command line. */
  readonly env?: string;
  /** One-letter alias, used as `-x value` (iptables-style tools such as proxy-init). */
  readonly short?: string;
  /** Placeholder shown in help, e.g. `string`, `duration`. */
  readonly valueName: string;
  readonly takesValue: boolean;
  /** Whether repeated occurrences accumulate (list flags). */
  readonly repeatable: boolean;
  /** Parses one occurrence; `previous` is the value so far (used by list flags). */
  parse(raw: string, previous: T): ParseOutcome<T>;
  format(value: T): string;
}

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; expected: string };

export type FlagDefs = Readonly<Record<string, FlagSpec<unknown>>>;
export type FlagValues<F extends FlagDefs> = { readonly [K in keyof F]: F[K] extends FlagSpec<infer T> ? T : never };

interface CommonOptions<T> {
  name: string;
  description: string;
  default: T;
  env?: string;
  short?: string;
}

export function stringFlag(options: CommonOptions<string>): FlagSpec<string> {
  return {
    ...common(options, 'string'),
    parse: (raw) => ({ ok: true, value: raw }),
    format: (value) => JSON.stringify(value),
  };
}

export function intFlag(options: CommonOptions<number> & { min?: number; max?: number }): FlagSpec<number> {
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = options;
  return {
    ...common(options, 'int'),
    parse: (raw) => {
      const value = Number(raw);
      if (!/^-?\d+$/.test(raw.trim()) || value < min || value > max) {
        return { ok: false, expected: `an integer${rangeText(min, max)}` };
      }
      return { ok: true, value };
    },
    format: String,
  };
}

export function boolFlag(options: CommonOptions<boolean>): FlagSpec<boolean> {
  return {
    ...common(options, 'bool'),
    takesValue: false,
    parse: (raw) => {
      const normalized = raw.toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(normalized)) return { ok: true, value: true };
      if (['false', '0', 'no', 'off'].includes(normalized)) return { ok: true, value: false };
      return { ok: false, expected: 'true or false' };
    },
    format: String,
  };
}

/** A duration in milliseconds, written Go-style (`45s`, `1m0s`). */
export function durationFlag(options: Omit<CommonOptions<number>, 'default'> & { default: string }): FlagSpec<number> {
  const parsedDefault = parseDuration(options.default);
  if (!parsedDefault.ok) throw new Error(`flag --${options.name}: bad default: ${parsedDefault.error}`);
  return {
    ...common({ ...options, default: parsedDefault.ms }, 'duration'),
    parse: (raw) => {
      const parsed = parseDuration(raw);
      return parsed.ok ? { ok: true, value: parsed.ms } : { ok: false, expected: 'a duration such as 500ms, 10s or 1m0s' };
    },
    format: formatDuration,
  };
}

export function enumFlag<T extends string>(options: CommonOptions<T> & { choices: readonly T[] }): FlagSpec<T> {
  return {
    ...common(options, options.choices.join('|')),
    parse: (raw) =>
      (options.choices as readonly string[]).includes(raw)
        ? { ok: true, value: raw as T }
        : { ok: false, expected: `one of ${options.choices.join(', ')}` },
    format: (value) => value,
  };
}

/** Comma-separated and/or repeated values: `--x a,b --x c` → [a, b, c]. A command-line value replaces the default. */
export function listFlag(options: CommonOptions<readonly string[]>): FlagSpec<readonly string[]> {
  return {
    ...common(options, 'strings'),
    repeatable: true,
    parse: (raw, previous) => ({
      ok: true,
      value: [...previous, ...raw.split(',').map((item) => item.trim()).filter((item) => item.length > 0)],
    }),
    format: (value) => `[${value.join(',')}]`,
  };
}

function common<T>(options: CommonOptions<T>, valueName: string) {
  return {
    name: options.name,
    description: options.description,
    defaultValue: options.default,
    env: options.env,
    short: options.short,
    valueName,
    takesValue: true,
    repeatable: false,
  };
}

function rangeText(min: number, max: number): string {
  const hasMin = min !== Number.MIN_SAFE_INTEGER;
  const hasMax = max !== Number.MAX_SAFE_INTEGER;
  if (hasMin && hasMax) return ` from ${min} to ${max}`;
  if (hasMin) return ` ≥ ${min}`;
  if (hasMax) return ` ≤ ${max}`;
  return '';
}

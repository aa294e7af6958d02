import { fail } from './errors';

/** google.protobuf.Duration as decoded (seconds as a string because longs are strings). */
export interface DurationLike {
  readonly seconds?: string | number | null;
  readonly nanos?: number | null;
}

export function durationMs(value: DurationLike | null | undefined, fallback: number): number {
  if (!value) return fallback;
  return Number(value.seconds ?? 0) * 1000 + Math.round((value.nanos ?? 0) / 1e6);
}

export function wrapped<T>(value: { value?: T } | null | undefined, fallback: T): T {
  return value && value.value !== undefined ? value.value : fallback;
}

/** envoy.type.v3.FractionalPercent → a probability in [0, 1]. */
export function fractionOf(
  percent: { numerator?: number; denominator?: string } | null | undefined,
  path: string,
  fallback = 1,
): number {
  if (!percent) return fallback;
  const denominators: Record<string, number> = { HUNDRED: 100, TEN_THOUSAND: 10_000, MILLION: 1_000_000 };
  const denominator = denominators[percent.denominator ?? 'HUNDRED'];
  if (!denominator) fail(`${path}.denominator`, `unknown denominator ${percent.denominator}`);
  return Math.min(1, (percent.numerator ?? 0) / denominator);
}

/** envoy.config.core.v3.DataSource → its bytes, read from a file or taken inline. */
export interface DataSourceLike {
  readonly filename?: string;
  readonly inline_bytes?: Buffer | Uint8Array;
  readonly inline_string?: string;
  readonly environment_variable?: string;
  readonly specifier?: string;
}

export type DataSourceRef = { kind: 'file'; path: string } | { kind: 'inline'; data: Buffer };

export function dataSourceRef(source: DataSourceLike | null | undefined, path: string): DataSourceRef | undefined {
  if (!source || !source.specifier) return undefined;
  switch (source.specifier) {
    case 'filename':
      return { kind: 'file', path: source.filename ?? '' };
    case 'inline_string':
      return { kind: 'inline', data: Buffer.from(source.inline_string ?? '') };
    case 'inline_bytes':
      return { kind: 'inline', data: Buffer.from(source.inline_bytes ?? []) };
    default:
      return fail(`${path}.${source.specifier}`, 'data source kind is not supported');
  }
}

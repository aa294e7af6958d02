export interface BackoffOptions {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly multiplier?: number;
  /** Fraction of random spread (0.2 = ±20%) so many clients do not reconnect in lockstep. */
  readonly jitter?: number;
}

/** Exponential backoff with jitter; `reset()` after a successful connection. */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly options: BackoffOptions,
    private readonly random: () => number = Math.random,
  ) {}

  next(): number {
    const base = Math.min(this.options.maxMs, this.options.initialMs * (this.options.multiplier ?? 2) ** this.attempt);
    this.attempt++;
    const jitter = this.options.jitter ?? 0.2;
    return Math.max(0, Math.round(base * (1 - jitter + 2 * jitter * this.random())));
  }

  reset(): void {
    this.attempt = 0;
  }
}

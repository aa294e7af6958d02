export interface DebounceOptions {
  /** Quiet period: a burst ends when no change arrived for this long. */
  readonly quietMs: number;
  /** Upper bound on the wait during a continuous stream of changes. */
  readonly maxDelayMs: number;
}

/**
 * Coalesces bursts of change notifications into one call of `flush`: it runs `quietMs` after the last trigger, but
 * never later than `maxDelayMs` after the first trigger of the burst. With quietMs 0 it runs on the next tick.
 */
export class Debouncer {
  private timer: NodeJS.Timeout | undefined;
  private burstStart: number | undefined;
  private stopped = false;

  constructor(
    private readonly options: DebounceOptions,
    private readonly flush: () => void,
  ) {}

  trigger(): void {
    if (this.stopped) return;
    const now = performance.now();
    this.burstStart ??= now;
    const remainingMax = this.burstStart + this.options.maxDelayMs - now;
    const delay = Math.max(0, Math.min(this.options.quietMs, remainingMax));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), delay);
  }

  /** Runs a pending flush now (e.g. before shutdown or in tests). */
  flushNow(): void {
    if (this.timer) this.fire();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fire(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.burstStart = undefined;
    this.flush();
  }
}

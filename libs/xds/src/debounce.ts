export interface DebounceOptions<T> {
  /** Quiet period: fire once no event arrived for this long (Istio's PILOT_DEBOUNCE_AFTER, 100 ms). */
  readonly afterMs: number;
  /** Fire at the latest this long after the first event of a burst (PILOT_DEBOUNCE_MAX, 10 s). */
  readonly maxMs: number;
  /** Combines two pending events (e.g. full push wins over endpoint-only; endpoint sets are unioned). */
  readonly merge: (pending: T, next: T) => T;
  readonly fire: (merged: T) => void | Promise<void>;
  /** A failed fire is reported here; the debouncer keeps running. */
  readonly onError?: (error: unknown) => void;
}

/**
 * Debounces bursts of change events into one push. A fire that is still running delays the next one, so pushes never
 * overlap; events arriving meanwhile are merged into the following fire.
 */
export class Debouncer<T> {
  private pending: T | undefined;
  private firstAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly options: DebounceOptions<T>,
    private readonly now: () => number = Date.now,
  ) {}

  push(event: T): void {
    if (this.closed) return;
    if (this.pending === undefined) {
      this.pending = event;
      this.firstAt = this.now();
    } else {
      this.pending = this.options.merge(this.pending, event);
    }
    this.schedule();
  }

  /** Fires whatever is pending now (tests, shutdown). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    await this.fireNow();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    const elapsed = this.now() - this.firstAt;
    const wait = Math.max(0, Math.min(this.options.afterMs, this.options.maxMs - elapsed));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.fireNow();
    }, wait);
  }

  private async fireNow(): Promise<void> {
    if (this.pending === undefined) return;
    if (this.running) {
      // A push is running: fire again when it ends, with everything merged meanwhile.
      await this.running;
      if (this.pending !== undefined && !this.timer) this.schedule();
      return;
    }
    const event = this.pending;
    this.pending = undefined;
    this.running = Promise.resolve()
      .then(() => this.options.fire(event))
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.running = undefined;
      });
    await this.running;
  }
}

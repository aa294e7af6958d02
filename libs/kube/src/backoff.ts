/** Exponential backoff with jitter, reset after a success. */
export class RetryBackoff {
  private attempt = 0;

  constructor(private readonly options: { initialMs: number; maxMs: number }) {}

  next(): number {
    const ceiling = Math.min(this.options.maxMs, this.options.initialMs * 2 ** this.attempt++);
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  }

  reset(): void {
    this.attempt = 0;
  }
}

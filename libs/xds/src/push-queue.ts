/** Something that can send what changed since its last push; resolves once what it wrote has been flushed. */
export interface Pushable {
  readonly id: string;
  flush(): Promise<void> | void;
}

/** Where streams ask to be pushed (the PushQueue; tests may push synchronously). */
export interface PushScheduler {
  enqueue(target: Pushable): void;
  remove(id: string): void;
}

/**
 * Fans snapshot changes out to streams: a stream queued twice is pushed once, and at most `concurrency` pushes are in
 * flight (a push ends when its responses were handed to the transport), so a full push to many slow proxies does not
 * buffer every response in memory at once.
 */
export class PushQueue implements PushScheduler {
  private readonly pending = new Map<string, Pushable>();
  private active = 0;
  private closed = false;
  private scheduled = false;

  constructor(private readonly concurrency = 64) {}

  enqueue(target: Pushable): void {
    if (this.closed) return;
    this.pending.set(target.id, target);
    this.schedule();
  }

  remove(id: string): void {
    this.pending.delete(id);
  }

  get size(): number {
    return this.pending.size;
  }

  close(): void {
    this.closed = true;
    this.pending.clear();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // Run on a later turn so that a burst of enqueues (one per proxy) coalesces and ACKs keep being served.
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    for (const [id, target] of this.pending) {
      if (this.closed || this.active >= this.concurrency) return;
      this.pending.delete(id);
      this.active++;
      let done: Promise<void>;
      try {
        done = Promise.resolve(target.flush());
      } catch {
        done = Promise.resolve();
      }
      done
        .catch(() => undefined)
        .finally(() => {
          this.active--;
          if (this.pending.size > 0) this.schedule();
        });
    }
  }
}

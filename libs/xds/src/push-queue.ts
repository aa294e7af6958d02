/** Something that can send what changed since its last push. */
export interface Pushable {
  readonly id: string;
  flush(): void;
}

/**
 * Coalesces push requests per stream and runs them in batches, yielding to the event loop between batches so that
 * ACKs and new connections are served while a large push fans out. A stream queued twice is pushed once.
 */
export class PushQueue {
  private readonly pending = new Map<string, Pushable>();
  private scheduled = false;
  private closed = false;

  constructor(private readonly batchSize = 64) {}

  enqueue(target: Pushable): void {
    if (this.closed) return;
    this.pending.set(target.id, target);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
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

  private drain(): void {
    this.scheduled = false;
    let count = 0;
    for (const [id, target] of this.pending) {
      if (count++ >= this.batchSize) break;
      this.pending.delete(id);
      target.flush();
    }
    if (this.pending.size > 0 && !this.closed) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }
}

/** A FIFO with a fixed capacity; pushing into a full buffer drops the oldest item and says so. */
export class BoundedBuffer<T> {
  private items: T[] = [];

  constructor(readonly capacity: number) {
    if (capacity < 1) throw new Error('buffer capacity must be at least 1');
  }

  get size(): number {
    return this.items.length;
  }

  /** Returns how many items were dropped to make room (0 or 1). */
  push(item: T): number {
    this.items.push(item);
    if (this.items.length <= this.capacity) return 0;
    this.items.shift();
    return 1;
  }

  /** Up to `count` items from the front, without removing them. */
  peek(count: number): T[] {
    return this.items.slice(0, count);
  }

  /** Removes `count` items from the front (after they were delivered). */
  drop(count: number): void {
    this.items = this.items.slice(count);
  }
}

/** One event on its way to a topic: a key (for partitioning and compaction) and a JSON-serialisable value. */
export interface EventRecord {
  readonly key: string;
  readonly value: unknown;
}

export interface PublisherStats {
  readonly published: number;
  readonly dropped: number;
  readonly buffered: number;
  readonly connected: boolean;
  readonly lastError?: string;
}

/**
 * Publishes events without ever blocking the caller: `publish` only enqueues. Delivery happens in the background;
 * when the buffer is full the oldest events are dropped and counted.
 */
export interface EventPublisher {
  readonly topic: string;
  publish(record: EventRecord): void;
  stats(): PublisherStats;
  /** Tries to deliver what is buffered (up to `timeoutMs`), then disconnects. */
  stop(timeoutMs?: number): Promise<void>;
}

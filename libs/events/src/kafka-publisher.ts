import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import type { Logger } from '@isthmus/runtime';
import { Counter, Gauge, type Registry } from 'prom-client';
import { BoundedBuffer } from './bounded-buffer';
import type { EventPublisher, EventRecord, PublisherStats } from './publisher';

export interface KafkaPublisherOptions {
  readonly brokers: readonly string[];
  readonly topic: string;
  readonly clientId: string;
  readonly logger: Logger;
  readonly registry?: Registry;
  /** Events held while the broker is away; beyond it the oldest are dropped (counted). */
  readonly bufferSize?: number;
  readonly batchSize?: number;
  /** Topic settings used when the topic has to be created. */
  readonly partitions?: number;
  readonly replicationFactor?: number;
  readonly retry?: { initialMs: number; maxMs: number };
}

/**
 * Kafka publisher (kafkajs): enqueue-only `publish`, a background loop that connects, creates the topic if missing,
 * sends in batches and, on failure, reconnects with backoff while the bounded buffer keeps (or drops) events.
 */
export class KafkaPublisher implements EventPublisher {
  readonly topic: string;
  private readonly buffer: BoundedBuffer<EventRecord>;
  private readonly kafka: Kafka;
  private producer: Producer | undefined;
  private connected = false;
  private stopping = false;
  private published = 0;
  private dropped = 0;
  private lastError: string | undefined;
  private wake: (() => void) | undefined;
  private readonly loop: Promise<void>;
  private readonly metrics: ReturnType<typeof publisherMetrics> | undefined;

  constructor(private readonly options: KafkaPublisherOptions) {
    this.topic = options.topic;
    this.buffer = new BoundedBuffer(options.bufferSize ?? 10_000);
    this.metrics = options.registry ? publisherMetrics(options.registry) : undefined;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      connectionTimeout: 3000,
      requestTimeout: 10_000,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });
    this.loop = this.run();
  }

  publish(record: EventRecord): void {
    if (this.stopping) return;
    const dropped = this.buffer.push(record);
    if (dropped > 0) {
      this.dropped += dropped;
      this.metrics?.dropped.labels(this.topic).inc(dropped);
    }
    this.metrics?.buffered.labels(this.topic).set(this.buffer.size);
    this.wake?.();
  }

  stats(): PublisherStats {
    return { published: this.published, dropped: this.dropped, buffered: this.buffer.size, connected: this.connected, ...(this.lastError ? { lastError: this.lastError } : {}) };
  }

  async stop(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.buffer.size > 0 && this.connected && Date.now() < deadline) await sleep(20);
    this.stopping = true;
    this.wake?.();
    await Promise.race([this.loop, sleep(Math.max(0, deadline - Date.now()) + 1000)]);
    await this.producer?.disconnect().catch(() => undefined);
  }

  private async run(): Promise<void> {
    let delay = this.options.retry?.initialMs ?? 200;
    const maxDelay = this.options.retry?.maxMs ?? 10_000;
    while (!this.stopping) {
      try {
        if (!this.connected) await this.connect();
        delay = this.options.retry?.initialMs ?? 200;
        await this.drain();
        if (this.buffer.size === 0 && !this.stopping) await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
      } catch (error: unknown) {
        this.connected = false;
        this.lastError = error instanceof Error ? error.message : String(error);
        this.metrics?.errors.labels(this.topic).inc();
        this.options.logger.warn({ topic: this.topic, error: this.lastError, buffered: this.buffer.size, retryInMs: delay }, 'Kafka publish failed; retrying');
        await this.producer?.disconnect().catch(() => undefined);
        this.producer = undefined;
        await sleep(delay);
        delay = Math.min(maxDelay, delay * 2);
      }
    }
  }

  private async connect(): Promise<void> {
    const admin: Admin = this.kafka.admin();
    await admin.connect();
    try {
      const topics = await admin.listTopics();
      if (!topics.includes(this.topic)) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: [{ topic: this.topic, numPartitions: this.options.partitions ?? 1, replicationFactor: this.options.replicationFactor ?? 1 }],
        });
        this.options.logger.info({ topic: this.topic }, 'Kafka topic created');
      }
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    const producer = this.kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    this.producer = producer;
    this.connected = true;
    this.lastError = undefined;
    this.options.logger.info({ topic: this.topic }, 'Kafka publisher connected');
  }

  private async drain(): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    while (this.buffer.size > 0 && this.producer) {
      const batch = this.buffer.peek(batchSize);
      await this.producer.send({ topic: this.topic, messages: batch.map((record) => ({ key: record.key, value: JSON.stringify(record.value) })) });
      this.buffer.drop(batch.length);
      this.published += batch.length;
      this.metrics?.published.labels(this.topic).inc(batch.length);
      this.metrics?.buffered.labels(this.topic).set(this.buffer.size);
    }
  }
}

function publisherMetrics(registry: Registry) {
  return {
    published: new Counter({ name: 'isthmus_events_published_total', help: 'Events delivered to Kafka', labelNames: ['topic'], registers: [registry] }),
    dropped: new Counter({ name: 'isthmus_events_dropped_total', help: 'Events dropped because the buffer was full', labelNames: ['topic'], registers: [registry] }),
    errors: new Counter({ name: 'isthmus_events_publish_errors_total', help: 'Failed connects or sends to Kafka', labelNames: ['topic'], registers: [registry] }),
    buffered: new Gauge({ name: 'isthmus_events_buffered', help: 'Events waiting for delivery', labelNames: ['topic'], registers: [registry] }),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

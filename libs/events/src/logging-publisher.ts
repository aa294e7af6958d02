import type { Logger } from '@isthmus/runtime';
import type { EventPublisher, EventRecord, PublisherStats } from './publisher';

/** The fallback without brokers (local mode): each event becomes a log line on the `events` scope. */
export class LoggingPublisher implements EventPublisher {
  private published = 0;

  constructor(
    readonly topic: string,
    private readonly logger: Logger,
  ) {}

  publish(record: EventRecord): void {
    this.published++;
    this.logger.info({ topic: this.topic, key: record.key, event: record.value }, 'event');
  }

  stats(): PublisherStats {
    return { published: this.published, dropped: 0, buffered: 0, connected: true };
  }

  async stop(): Promise<void> {
    // Nothing buffered.
  }
}

import type { Logger } from '@isthmus/runtime';
import type { Registry } from 'prom-client';
import { KafkaPublisher, type KafkaPublisherOptions } from './kafka-publisher';
import { LoggingPublisher } from './logging-publisher';
import type { EventPublisher } from './publisher';

export { BoundedBuffer } from './bounded-buffer';
export { KafkaPublisher, type KafkaPublisherOptions } from './kafka-publisher';
export { LoggingPublisher } from './logging-publisher';
export type { EventPublisher, EventRecord, PublisherStats } from './publisher';

/** A Kafka publisher when brokers are given, else the logging fallback. */
export function createEventPublisher(
  options: Omit<KafkaPublisherOptions, 'brokers'> & { brokers: readonly string[]; logger: Logger; registry?: Registry },
): EventPublisher {
  return options.brokers.length > 0 ? new KafkaPublisher(options) : new LoggingPublisher(options.topic, options.logger);
}

import type { EventPublisher } from '@isthmus/events';
import type { ConfigChangeSink } from './pipeline';
import type { ConfigChange } from './processing';

export const CONFIG_EVENTS_TOPIC = 'isthmus.config.events';

/** One record of the config audit stream (topic `isthmus.config.events`), keyed by `kind/namespace/name`. */
export interface ConfigAuditEvent {
  readonly operation: ConfigChange['operation'];
  readonly kind: string;
  readonly apiVersion: string;
  readonly collection: string;
  readonly namespace: string;
  readonly name: string;
  readonly version: string;
  readonly contentHash: string;
  /** RFC 3339 time Galley accepted the change. */
  readonly time: string;
  readonly source: 'galley';
}

export function auditEventOf(change: ConfigChange, at: Date): ConfigAuditEvent {
  return {
    operation: change.operation,
    kind: change.kind,
    apiVersion: change.apiVersion,
    collection: change.collection,
    namespace: change.namespace,
    name: change.name,
    version: change.version,
    contentHash: change.contentHash,
    time: at.toISOString(),
    source: 'galley',
  };
}

/** Accepted changes → the event publisher (Kafka, or the log without brokers). Never blocks distribution. */
export class ConfigAuditPublisher implements ConfigChangeSink {
  constructor(private readonly publisher: EventPublisher) {}

  publish(change: ConfigChange, at: Date): void {
    const event = auditEventOf(change, at);
    this.publisher.publish({ key: `${event.kind}/${event.namespace}/${event.name}`, value: event });
  }
}

import { LogScopes } from '@isthmus/runtime';
import { Registry } from 'prom-client';
import { BoundedBuffer } from './bounded-buffer';
import { createEventPublisher } from './index';
import { KafkaPublisher } from './kafka-publisher';
import { LoggingPublisher } from './logging-publisher';

const logger = new LogScopes('events-test', new Map([['default', 'fatal']])).root;

describe('BoundedBuffer', () => {
  it('drops the oldest item when full and reports it', () => {
    const buffer = new BoundedBuffer<number>(2);
    expect([buffer.push(1), buffer.push(2), buffer.push(3)]).toEqual([0, 0, 1]);
    expect(buffer.peek(5)).toEqual([2, 3]);
    buffer.drop(1);
    expect(buffer.peek(5)).toEqual([3]);
  });
});

describe('createEventPublisher', () => {
  it('falls back to logging without brokers', async () => {
    const publisher = createEventPublisher({ brokers: [], topic: 't', clientId: 'c', logger });
    expect(publisher).toBeInstanceOf(LoggingPublisher);
    publisher.publish({ key: 'k', value: { a: 1 } });
    expect(publisher.stats()).toMatchObject({ published: 1, dropped: 0 });
    await publisher.stop();
  });
});

describe('KafkaPublisher without a reachable broker', () => {
  it('never blocks the caller, keeps a bounded buffer and counts drops', async () => {
    const registry = new Registry();
    const publisher = new KafkaPublisher({
      brokers: ['127.0.0.1:1'],
      topic: 'isthmus.test',
      clientId: 'test',
      logger,
      registry,
      bufferSize: 3,
      retry: { initialMs: 10, maxMs: 20 },
    });
    const started = performance.now();
    for (let i = 0; i < 10; i++) publisher.publish({ key: String(i), value: i });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(publisher.stats()).toMatchObject({ published: 0, dropped: 7, buffered: 3, connected: false });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(publisher.stats().lastError).toBeDefined();
    expect(await registry.getSingleMetricAsString('isthmus_events_dropped_total')).toContain('isthmus_events_dropped_total{topic="isthmus.test"} 7');
    await publisher.stop(50);
  });
});

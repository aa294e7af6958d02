import { Kafka } from 'kafkajs';
import { LogScopes } from '@isthmus/runtime';
import { kafkaBrokers, kafkaConfig, uniqueName } from '@isthmus/testenv';
import { KafkaPublisher } from '../src';

const logger = new LogScopes('events-test', new Map([['default', 'warn']])).root;

describe('KafkaPublisher against the real broker', () => {
  it('creates the topic when missing and delivers events in order, consumable by a consumer group', async () => {
    const topic = uniqueName('isthmus.events-test');
    const publisher = new KafkaPublisher({ brokers: kafkaBrokers(), topic, clientId: 'events-test', logger });
    for (let i = 0; i < 5; i++) publisher.publish({ key: `k${i}`, value: { n: i } });
    const kafka = new Kafka(kafkaConfig());
    const consumer = kafka.consumer({ groupId: uniqueName('events-test') });
    const received: { key: string; value: unknown }[] = [];
    try {
      const start = Date.now();
      while (publisher.stats().published < 5) {
        if (Date.now() - start > 30_000) throw new Error(`not delivered: ${JSON.stringify(publisher.stats())}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`received only ${received.length}`)), 30_000);
        void consumer.run({
          eachMessage: async ({ message }) => {
            received.push({ key: message.key?.toString() ?? '', value: JSON.parse(message.value?.toString() ?? 'null') });
            if (received.length === 5) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
      expect(received.map((r) => r.key)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4']);
      expect(received[3].value).toEqual({ n: 3 });
      expect(publisher.stats()).toMatchObject({ dropped: 0, buffered: 0, connected: true });
    } finally {
      await consumer.disconnect();
      await publisher.stop();
    }
  });
});

import { ConfigResourceTypes, Kafka, type Admin } from 'kafkajs';
import { kafkaConfig, uniqueName, usingLocalKafka } from '../src';

describe('Kafka', () => {
  const kafka = new Kafka(kafkaConfig());
  let admin: Admin;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
  });
  afterAll(async () => {
    await admin.disconnect();
  });

  it('round-trips messages from a kafkajs producer to a consumer group', async () => {
    const topic = uniqueName('telemetry');
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });

    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const sent = Array.from({ length: 10 }, (_, i) => ({ key: `k${i % 3}`, value: JSON.stringify({ i }) }));
    await producer.send({ topic, messages: sent });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: uniqueName('group') });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: Array<{ key: string; value: string }> = [];
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ message }) => {
            received.push({ key: message.key?.toString() ?? '', value: message.value?.toString() ?? '' });
            if (received.length === sent.length) resolve();
          },
        })
        .catch(reject);
    });
    await consumer.disconnect();

    expect(received.map((m) => JSON.parse(m.value).i).sort((a: number, b: number) => a - b)).toEqual(sent.map((_, i) => i));
    await admin.deleteTopics({ topics: [topic] });
  });

  (usingLocalKafka() ? it : it.skip)('has automatic topic creation turned off', async () => {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.BROKER, name: '1', configNames: ['auto.create.topics.enable'] }],
    });
    expect(resources[0]?.configEntries[0]?.configValue).toBe('false');
  });
});

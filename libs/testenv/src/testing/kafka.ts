import { logLevel, type KafkaConfig } from 'kafkajs';
import { uniqueName } from './kube';

/** Broker addresses of the Kafka under test (`host:port`, from KAFKA_BROKERS). */
export function kafkaBrokers(): string[] {
  const raw = process.env['KAFKA_BROKERS'];
  if (!raw) {
    throw new Error('KAFKA_BROKERS is not set: run the tests with the testenv Jest global setup (libs/testenv/src/jest/global-setup.ts)');
  }
  return raw
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

/** A kafkajs config for the broker under test. Topics are never auto-created: create them with the admin client. */
export function kafkaConfig(clientId = uniqueName('isthmus-test')): KafkaConfig {
  return {
    clientId,
    brokers: kafkaBrokers(),
    logLevel: logLevel.WARN,
    connectionTimeout: 3000,
    retry: { retries: 5, initialRetryTime: 100 },
  };
}

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { run } from '../exec';
import type { Layout } from '../layout';
import { binaries } from '../paths';
import { HOST } from '../ports';
import { VERSIONS } from '../versions';
import type { Component } from './component';

const MAIN_CLASS = 'kafka.Kafka';
const STORAGE_TOOL = 'kafka.tools.StorageTool';

export function kafkaBrokers(l: Layout): string {
  return `${HOST}:${l.ports.kafka}`;
}

const configDir = (l: Layout): string => join(l.stateDir, 'kafka');
const serverProperties = (l: Layout): string => join(configDir(l), 'server.properties');

/** Single-node KRaft broker+controller on loopback; topics must be created explicitly. */
function renderServerProperties(l: Layout): string {
  const lines: Record<string, string | number> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@${HOST}:${l.ports.kafkaController}`,
    listeners: `PLAINTEXT://${HOST}:${l.ports.kafka},CONTROLLER://${HOST}:${l.ports.kafkaController}`,
    'advertised.listeners': `PLAINTEXT://${HOST}:${l.ports.kafka}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': l.dataDir('kafka'),
    'auto.create.topics.enable': 'false',
    'delete.topic.enable': 'true',
    'num.partitions': 1,
    'default.replication.factor': 1,
    'min.insync.replicas': 1,
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 4,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'group.initial.rebalance.delay.ms': 0,
    'log.retention.hours': 1,
    'log.segment.bytes': 16 * 1024 * 1024,
    'num.network.threads': 2,
    'num.io.threads': 2,
    'background.threads': 2,
  };
  return `${Object.entries(lines)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')}\n`;
}

const LOG4J = [
  'log4j.rootLogger=INFO, stdout',
  'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
  'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
  'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
  'log4j.logger.kafka=INFO',
  'log4j.logger.org.apache.kafka=WARN',
  'log4j.logger.kafka.request.logger=WARN',
  'log4j.logger.state.change.logger=WARN',
  '',
].join('\n');

function classpath(): string {
  return `${binaries.kafkaLibs()}/*`;
}

function jvmArgs(l: Layout): string[] {
  return [
    '-Xms128m',
    '-Xmx512m',
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${join(configDir(l), 'log4j.properties')}`,
    `-Dkafka.logs.dir=${l.logDir}`,
    '-cp',
    classpath(),
  ];
}

/** A Kafka cluster id: 16 random bytes, base64url without padding. */
function clusterId(): string {
  return randomBytes(16).toString('base64url');
}

export const kafka: Component = {
  name: 'kafka',
  group: 'kafka',
  ports: (l) => [
    { port: l.ports.kafka, purpose: 'kafka broker' },
    { port: l.ports.kafkaController, purpose: 'kafka KRaft controller' },
  ],
  prepare: async (l) => {
    mkdirSync(configDir(l), { recursive: true });
    mkdirSync(l.dataDir('kafka'), { recursive: true });
    writeFileSync(serverProperties(l), renderServerProperties(l));
    writeFileSync(join(configDir(l), 'log4j.properties'), LOG4J);
    if (existsSync(join(l.dataDir('kafka'), 'meta.properties'))) return;
    await run('java', [...jvmArgs(l), STORAGE_TOOL, 'format', '-t', clusterId(), '-c', serverProperties(l)], {
      step: `format kafka ${VERSIONS.kafka} storage`,
      logFile: l.logFile('kafka-format'),
    });
  },
  command: (l) => ({ command: 'java', args: [...jvmArgs(l), MAIN_CLASS, serverProperties(l)] }),
  marker: (l) => serverProperties(l),
  healthy: async (l) => {
    const client = new Kafka({
      clientId: 'isthmus-testenv-probe',
      brokers: [kafkaBrokers(l)],
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1000,
      requestTimeout: 2000,
      retry: { retries: 0 },
    });
    const admin = client.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length === 0 || cluster.controller === null) return false;
      // Looking up a group's coordinator creates __consumer_offsets: consumers of the first test then join at once.
      await admin.describeGroups(['isthmus-testenv-probe']);
      return true;
    } catch {
      return false;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  },
  startTimeoutMs: 60_000,
};

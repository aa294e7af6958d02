import { existsSync } from 'node:fs';
import { down, up, withStateLock } from './environment';
import { install } from './install/install';
import { info } from './log';
import { dropLease, markStartedByTestRun, otherLeaseHolders, takeLease, wasStartedByTestRun } from './leases';
import { stateRoot } from './paths';

/** Environment variables that point tests at the environment; set by the global setup, inherited by workers. */
export const ENV_KEYS = ['KUBECONFIG', 'KAFKA_BROKERS', 'ISTHMUS_TESTENV_STATE'] as const;

export interface SessionResult {
  /** What the tests use: `external` when given by KUBECONFIG / KAFKA_BROKERS, `testenv` when ours. */
  kube: 'external' | 'testenv';
  kafka: 'external' | 'testenv';
  started: string[];
}

const nonEmpty = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/**
 * Jest global setup: uses an external cluster/broker given by KUBECONFIG / KAFKA_BROKERS, else brings up (or reuses)
 * the local environment, installing it first on a cold machine. Exports KUBECONFIG / KAFKA_BROKERS for the workers.
 */
export async function beginTestSession(): Promise<SessionResult> {
  const externalKube = nonEmpty(process.env['KUBECONFIG']) && process.env['ISTHMUS_TESTENV_FORCE_LOCAL'] !== '1';
  const externalKafka = nonEmpty(process.env['KAFKA_BROKERS']) && process.env['ISTHMUS_TESTENV_FORCE_LOCAL'] !== '1';
  const need = { kube: !externalKube, kafka: !externalKafka };
  const result: SessionResult = { kube: externalKube ? 'external' : 'testenv', kafka: externalKafka ? 'external' : 'testenv', started: [] };
  if (!need.kube && !need.kafka) {
    info(`using external cluster (KUBECONFIG=${process.env['KUBECONFIG']}) and brokers (KAFKA_BROKERS=${process.env['KAFKA_BROKERS']})`);
    return result;
  }
  // kafkajs 2.x warns about its default partitioner on every producer; tests do not care.
  process.env['KAFKAJS_NO_PARTITIONER_WARNING'] ??= '1';
  await install({ ...need, helm: false });
  const stateDir = stateRoot();
  takeLease(stateDir);
  const { state, started, reused } = await up(need);
  if (reused.length === 0 && started.length > 0) markStartedByTestRun(stateDir);
  if (need.kube && state.kubeconfig) process.env['KUBECONFIG'] = state.kubeconfig;
  if (need.kafka && state.kafkaBrokers) process.env['KAFKA_BROKERS'] = state.kafkaBrokers;
  process.env['ISTHMUS_TESTENV_STATE'] = state.stateDir;
  result.started = started;
  return result;
}

/**
 * Jest global teardown: drops this run's lease; takes the environment down only if a test run started it, no other
 * run still holds a lease, and ISTHMUS_TESTENV_KEEP is not 1 (an environment started with `testenv up` stays up).
 */
export async function endTestSession(): Promise<void> {
  const stateDir = stateRoot();
  if (!existsSync(stateDir)) return;
  const shouldStop = await withStateLock(async () => {
    dropLease(stateDir);
    return (
      wasStartedByTestRun(stateDir) && otherLeaseHolders(stateDir).length === 0 && process.env['ISTHMUS_TESTENV_KEEP'] !== '1'
    );
  });
  if (shouldStop) {
    const stopped = await down();
    info(`test run done: stopped ${stopped.join(', ')}`);
  }
}

import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the environment's up/down are not on testenv's public entry
import { currentState, down, up } from '../../../testenv/src/lib/environment';

/**
 * Galley's integration tests install Istio's CRDs in the form Galley needs (free-form spec) and a cluster-wide
 * webhook, while other projects install stricter CRDs and start/stop the shared environment. So these tests use their
 * own environment: ports shifted by 1000, state in its own directory. It is started (or reused) from inside each test
 * file — Jest gives every test file its own copy of process.env, so nothing leaks to other projects — and stopped by
 * this project's global teardown. ISTHMUS_GALLEY_SHARED_TESTENV=1 uses the shared environment instead.
 */
export const PRIVATE_TESTENV = {
  ISTHMUS_TESTENV_PORT_OFFSET: '1000',
  ISTHMUS_TESTENV_STATE: join(process.env['ISTHMUS_CACHE_DIR'] ?? join(process.env['HOME'] ?? tmpdir(), '.cache', 'isthmus'), 'testenv-state-galley'),
};

/** Call at the top of a test file (registers a beforeAll): points KUBECONFIG and KAFKA_BROKERS at the private env. */
export function usePrivateTestenv(): void {
  beforeAll(async () => {
    if (process.env['ISTHMUS_GALLEY_SHARED_TESTENV'] === '1') {
      const shared = currentState();
      if (shared) process.env['PATH'] = `${shared.binDir}:${process.env['PATH'] ?? ''}`;
      return;
    }
    Object.assign(process.env, PRIVATE_TESTENV);
    const { state } = await up({ kube: true, kafka: true });
    if (!state.kubeconfig || !state.kafkaBrokers) throw new Error(`private test environment incomplete: ${state.components.join(', ')}`);
    process.env['KUBECONFIG'] = state.kubeconfig;
    process.env['KAFKA_BROKERS'] = state.kafkaBrokers;
    process.env['PATH'] = `${state.binDir}:${process.env['PATH'] ?? ''}`; // kubectl
  }, 120_000);
}

/** Stops the private environment (global teardown; runs in Jest's main process, so the env is set only around it). */
export async function stopPrivateTestenv(): Promise<void> {
  const saved = Object.fromEntries(Object.keys(PRIVATE_TESTENV).map((key) => [key, process.env[key]]));
  Object.assign(process.env, PRIVATE_TESTENV);
  try {
    await down();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

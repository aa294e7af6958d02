import { randomBytes } from 'node:crypto';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';

/** The KubeConfig of the cluster under test (the test environment's, or an external one given by KUBECONFIG). */
export function kubeConfig(): KubeConfig {
  const file = process.env['KUBECONFIG'];
  if (!file) {
    throw new Error('KUBECONFIG is not set: run the tests with the testenv Jest global setup (libs/testenv/src/jest/global-setup.ts)');
  }
  const kc = new KubeConfig();
  kc.loadFromFile(file);
  return kc;
}

/** A DNS-1123 name unique to this call: `<prefix>-<8 hex chars>`. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs}ms waiting for ${what}${cause}`);
    }
    await sleep(intervalMs);
  }
}

export const TESTENV_LABEL = 'isthmus.io/testenv';

/**
 * Creates a namespace `<prefix>-<random>` labelled isthmus.io/testenv=true and waits for its `default`
 * ServiceAccount (pods cannot be created before the controller-manager adds it).
 */
export async function createNamespace(kc: KubeConfig, prefix = 'test', labels: Record<string, string> = {}): Promise<string> {
  const core = kc.makeApiClient(CoreV1Api);
  const name = uniqueName(prefix);
  await core.createNamespace({ body: { metadata: { name, labels: { [TESTENV_LABEL]: 'true', ...labels } } } });
  await eventually(`ServiceAccount ${name}/default`, async () => {
    await core.readNamespacedServiceAccount({ name: 'default', namespace: name });
    return true;
  });
  return name;
}

/** Deletes a namespace without waiting for its finalization (the namespace controller cleans it up). */
export async function deleteNamespace(kc: KubeConfig, name: string): Promise<void> {
  const core = kc.makeApiClient(CoreV1Api);
  try {
    await core.deleteNamespace({ name });
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/** True for a client-node ApiException with HTTP status 404. */
export function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === 404;
}

import { afterEach, beforeEach } from '@jest/globals';
import type { KubeConfig } from '@kubernetes/client-node';
import { createNamespace, deleteNamespace, kubeConfig } from './kube';

export interface NamespaceFixture {
  /** The current test's namespace (valid inside a test, after beforeEach). */
  readonly name: string;
  readonly kc: KubeConfig;
}

/**
 * Gives every test of the enclosing describe block a fresh namespace, deleted after the test:
 *   const ns = useNamespace('pilot');
 *   it('...', async () => { await core.createNamespacedPod({ namespace: ns.name, body }) });
 */
export function useNamespace(prefix = 'test', labels: Record<string, string> = {}): NamespaceFixture {
  let current: string | undefined;
  let kc: KubeConfig | undefined;
  beforeEach(async () => {
    kc = kc ?? kubeConfig();
    current = await createNamespace(kc, prefix, labels);
  }, 60_000);
  afterEach(async () => {
    if (kc && current) await deleteNamespace(kc, current);
    current = undefined;
  }, 60_000);
  return {
    get name(): string {
      if (!current) throw new Error('useNamespace: the namespace exists only inside a test (after beforeEach)');
      return current;
    },
    get kc(): KubeConfig {
      kc = kc ?? kubeConfig();
      return kc;
    },
  };
}

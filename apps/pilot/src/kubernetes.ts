import type { ResolvedMeshConfig } from '@isthmus/config-model';
import type { ConfigSource } from '@isthmus/pilot';
import { KubeCrdConfigSource, KubeRegistry } from '@isthmus/pilot/kubernetes';
import { ComponentRuntime } from '@isthmus/runtime';
import { KubeConfig } from '@kubernetes/client-node';

/**
 * The Kubernetes registry (and, without Galley or a config directory, the CRD config source). Loaded on demand by
 * server.ts: the Kubernetes client costs ~70 MB of RSS at import, which Pilot without Kubernetes should not pay.
 */
export async function startKubernetesRegistry(options: {
  kubeconfig: string;
  domain: string;
  mesh: ResolvedMeshConfig;
  runtime: ComponentRuntime;
  watchCrds: boolean;
}): Promise<{ registry: KubeRegistry; crdSource?: ConfigSource }> {
  const { runtime, mesh } = options;
  const kubeConfig = loadKubeConfig(options.kubeconfig);
  const registry = new KubeRegistry({ kubeConfig, logger: runtime.logs.scope('kube'), domain: options.domain, trustDomain: mesh.trustDomain });
  const crdSource = options.watchCrds ? new KubeCrdConfigSource({ kubeConfig, logger: runtime.logs.scope('config'), mesh }) : undefined;
  await registry.start();
  runtime.shutdown.onShutdown('kube-registry', () => registry.stop());
  return { registry, crdSource };
}

/** `--kubeconfig` file, else in-cluster config. */
function loadKubeConfig(path: string): KubeConfig {
  const kubeConfig = new KubeConfig();
  if (path) kubeConfig.loadFromFile(path);
  else kubeConfig.loadFromCluster();
  return kubeConfig;
}

import { KubeConfig } from '@kubernetes/client-node';

/**
 * `--kubeconfig` file, else in-cluster config. In its own module, imported by server.ts only when Kubernetes is used:
 * the Kubernetes client costs ~70 MB of RSS at import, which Galley in file mode should not pay.
 */
export function loadKubeConfig(path: string): KubeConfig {
  const kubeConfig = new KubeConfig();
  if (path) kubeConfig.loadFromFile(path);
  else kubeConfig.loadFromCluster();
  return kubeConfig;
}

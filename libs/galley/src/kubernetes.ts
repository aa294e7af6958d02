/**
 * Galley's Kubernetes pieces: the CRD source, status writer and webhook registration. Not re-exported by index.ts:
 * the Kubernetes client costs ~70 MB of RSS at import, so galley-server.ts imports this module only when a
 * kubeconfig is given, and Galley in file mode never loads it.
 */
export { KubeStatusReporter } from './kube-status';
export { KubeSource } from './sources/kube-source';
export { applyWebhookConfiguration, buildWebhookConfiguration, deleteWebhookConfiguration } from './webhook/config';

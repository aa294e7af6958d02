/**
 * `@isthmus/pilot/kubernetes`: the Kubernetes service registry and CRD config source. A separate entry point because
 * the Kubernetes client costs ~70 MB of RSS at import; Pilot loads it only when `--registries Kubernetes` is used.
 */
export * from './registry/kube/controller';
export * from './registry/kube/conversion';
export * from './config/kube-crd-source';

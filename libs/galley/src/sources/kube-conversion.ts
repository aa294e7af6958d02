import type { KubernetesObject } from '@kubernetes/client-node';
import type { JsonObject } from '@isthmus/protos';
import { apiVersionOf, type KindInfo, type RawResource } from '../model';
import type { KubeResourceType } from '@isthmus/kube';

/** The watch type of a Galley kind. */
export function kubeTypeOf(kind: KindInfo): KubeResourceType {
  return {
    group: kind.group,
    version: kind.version,
    kind: kind.kind,
    plural: kind.plural,
    namespaced: !kind.clusterScoped,
  };
}

/**
 * A watched object → RawResource (pure). apiVersion and kind come from the watched type (list items omit them); the
 * body is `spec` for Istio kinds and the object without its envelope for k8s/core kinds.
 */
export function toRawResource(kind: KindInfo, object: KubernetesObject): RawResource {
  const metadata = object.metadata ?? {};
  const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = object as KubernetesObject & Record<string, unknown>;
  const body =
    kind.webhook === 'none' ? (rest as JsonObject) : (((object as { spec?: unknown }).spec ?? {}) as JsonObject);
  const created = metadata.creationTimestamp ? Date.parse(String(metadata.creationTimestamp)) : NaN;
  return {
    apiVersion: apiVersionOf(kind),
    kind: kind.kind,
    namespace: kind.clusterScoped ? '' : (metadata.namespace ?? ''),
    name: metadata.name ?? '',
    labels: metadata.labels ?? {},
    annotations: withoutLastApplied(metadata.annotations ?? {}),
    body,
    createTimeMs: Number.isNaN(created) ? undefined : created,
    resourceVersion: metadata.resourceVersion,
    origin: 'kubernetes',
  };
}

/** kubectl's last-applied copy duplicates the object; it is noise for sinks. */
function withoutLastApplied(annotations: Record<string, string>): Record<string, string> {
  if (!('kubectl.kubernetes.io/last-applied-configuration' in annotations)) return annotations;
  const { 'kubectl.kubernetes.io/last-applied-configuration': _dropped, ...rest } = annotations;
  return rest;
}

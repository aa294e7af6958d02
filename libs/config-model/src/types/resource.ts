/** The Kubernetes envelope every Istio config object travels in. */
import { anyObject, enm, Infer, int, map, obj, str } from '../schema/dsl';

export const ObjectMetaSchema = obj({
  name: str(),
  generateName: str(),
  namespace: str(),
  labels: map(str()),
  annotations: map(str()),
  resourceVersion: str(),
  uid: str(),
  generation: int(),
  creationTimestamp: str(),
  deletionTimestamp: str(),
  deletionGracePeriodSeconds: int(),
  finalizers: { type: 'array', items: str() },
  ownerReferences: { type: 'array', items: anyObject() },
  managedFields: { type: 'array', items: anyObject() },
  selfLink: str(),
  clusterName: str(),
});

export type ObjectMeta = Infer<typeof ObjectMetaSchema>;

/** An Istio config resource: `spec` typed per kind (see SpecByKind). */
export interface IstioResource<Spec = unknown> {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta & { readonly name: string; readonly namespace?: string };
  readonly spec: Spec;
  readonly status?: Readonly<Record<string, unknown>>;
}

export const Scope = enm(['Namespaced', 'Cluster']);
export type Scope = Infer<typeof Scope>;

/** `group/version` → { group, version }; the core group has no slash (`v1`). */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

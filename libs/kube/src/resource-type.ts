/** A Kubernetes resource type, enough to list and watch it. */
export interface KubeResourceType {
  /** Empty for the core group. */
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  readonly namespaced: boolean;
}

export function apiVersionOf(type: Pick<KubeResourceType, 'group' | 'version'>): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/** The collection path across all namespaces: `/api/v1/services`, `/apis/networking.istio.io/v1alpha3/gateways`. */
export function collectionPath(type: KubeResourceType): string {
  return type.group ? `/apis/${type.group}/${type.version}/${type.plural}` : `/api/${type.version}/${type.plural}`;
}

/** `plural.group`, the name of the CRD that defines a type. */
export function crdNameOf(type: Pick<KubeResourceType, 'group' | 'plural'>): string {
  return `${type.plural}.${type.group}`;
}

export function typeLabel(type: KubeResourceType): string {
  return `${type.kind}.${apiVersionOf(type)}`;
}

export const CORE_V1 = {
  services: { group: '', version: 'v1', kind: 'Service', plural: 'services', namespaced: true },
  endpoints: { group: '', version: 'v1', kind: 'Endpoints', plural: 'endpoints', namespaced: true },
  pods: { group: '', version: 'v1', kind: 'Pod', plural: 'pods', namespaced: true },
  nodes: { group: '', version: 'v1', kind: 'Node', plural: 'nodes', namespaced: false },
  namespaces: { group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false },
} as const satisfies Record<string, KubeResourceType>;

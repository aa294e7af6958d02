import { toStruct, type JsonObject, type Node } from '@isthmus/protos';

export type ProxyType = 'sidecar' | 'router';

export interface NodeIdentity {
  readonly type: ProxyType;
  /** Pod IP (INSTANCE_IP). */
  readonly ip: string;
  /** `<pod>.<namespace>` (Istio's --id / POD_NAME.POD_NAMESPACE). */
  readonly id: string;
  readonly namespace: string;
  /** DNS domain, e.g. `<ns>.svc.cluster.local` (Istio's --domain). */
  readonly domain: string;
  readonly serviceCluster: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly interceptionMode?: string;
  readonly istioVersion?: string;
  readonly clusterId?: string;
  /** Extra ISTIO_META_* values (already stripped of the prefix). */
  readonly meta?: Readonly<Record<string, string>>;
}

/** Istio's node id: `<type>~<ip>~<pod>.<ns>~<domain>`, e.g. `sidecar~10.1.1.5~trader-7d.stock~stock.svc.cluster.local`. */
export function nodeId(identity: Pick<NodeIdentity, 'type' | 'ip' | 'id' | 'domain'>): string {
  return `${identity.type}~${identity.ip}~${identity.id}~${identity.domain}`;
}

/** The xDS Node as pilot-agent builds it: id, cluster and the metadata Pilot reads (labels, namespace, IPs, mode). */
export function buildNode(identity: NodeIdentity): Node {
  const metadata: JsonObject = {
    NAMESPACE: identity.namespace,
    CONFIG_NAMESPACE: identity.namespace,
    INSTANCE_IPS: identity.ip,
    POD_NAME: identity.id.split('.')[0],
    INTERCEPTION_MODE: identity.interceptionMode ?? 'REDIRECT',
    ISTIO_VERSION: identity.istioVersion ?? '1.3.0',
    ISTIO_PROXY_SHA: 'isthmus',
    CLUSTER_ID: identity.clusterId ?? 'Kubernetes',
    LABELS: { ...identity.labels },
    ...identity.meta,
  };
  return {
    id: nodeId(identity),
    cluster: identity.serviceCluster,
    // google.protobuf.Struct in the form the Envoy codec encodes (the same helper MCP bodies use).
    metadata: toStruct(metadata) as Node['metadata'],
    user_agent_name: 'isthmus-proxy',
    user_agent_version: '1.3.0',
  };
}

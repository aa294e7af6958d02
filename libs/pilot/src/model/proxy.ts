import type { Node__Output } from '@isthmus/protos';

export type ProxyType = 'sidecar' | 'router';

/** A connected xDS client, decoded from its node (id `type~ip~pod.ns~ns.svc.cluster.local` and metadata). */
export interface Proxy {
  readonly type: ProxyType;
  readonly id: string;
  readonly ip: string;
  /** `<pod>.<namespace>` as in the node id. */
  readonly workload: string;
  readonly namespace: string;
  /** DNS domain of the proxy (`<ns>.svc.cluster.local`). */
  readonly dnsDomain: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly metadata: Readonly<Record<string, unknown>>;
  /** A gRPC library speaking xDS itself (no Envoy): gets API listeners named `host:port`. */
  readonly proxyless: boolean;
  readonly istioVersion?: string;
  readonly serviceAccount?: string;
}

export type ParseProxyResult = { ok: true; proxy: Proxy } | { ok: false; error: string };

const TYPES: readonly string[] = ['sidecar', 'router'];

/**
 * Parses a node. Labels come from metadata `LABELS` (a map, or a JSON string as the agent writes it) and from
 * `ISTIO_META_*`-style keys; `GENERATOR: grpc` or a gRPC user agent marks a proxyless client.
 */
export function parseProxy(node: Pick<Node__Output, 'id' | 'metadata' | 'user_agent_name'> | { id: string; metadata?: unknown; user_agent_name?: string }): ParseProxyResult {
  const parts = node.id.split('~');
  if (parts.length !== 4) return { ok: false, error: `node id "${node.id}" is not type~ip~pod.namespace~domain` };
  const [type, ip, workload, dnsDomain] = parts;
  if (!TYPES.includes(type)) return { ok: false, error: `node id "${node.id}": unknown proxy type "${type}" (expected sidecar or router)` };
  if (!ip) return { ok: false, error: `node id "${node.id}": missing IP address` };
  const metadata = readMetadata(node.metadata);
  const namespace = stringOf(metadata['NAMESPACE']) ?? stringOf(metadata['CONFIG_NAMESPACE']) ?? namespaceOf(workload, dnsDomain);
  const labels = labelsOf(metadata['LABELS']);
  const generator = stringOf(metadata['GENERATOR']);
  const agent = (node.user_agent_name ?? '').toLowerCase();
  return {
    ok: true,
    proxy: {
      type: type as ProxyType,
      id: node.id,
      ip,
      workload,
      namespace,
      dnsDomain,
      labels,
      metadata,
      proxyless: generator === 'grpc' || agent.startsWith('grpc'),
      istioVersion: stringOf(metadata['ISTIO_VERSION']),
      serviceAccount: stringOf(metadata['SERVICE_ACCOUNT']),
    },
  };
}

function readMetadata(metadata: unknown): Record<string, unknown> {
  if (!metadata || typeof metadata !== 'object') return {};
  if ('fields' in metadata) return structToJson(metadata as { fields?: Record<string, unknown> });
  return metadata as Record<string, unknown>;
}

/** google.protobuf.Struct as decoded by either codec (Envoy's keeps snake_case, e.g. `string_value`). */
function structToJson(struct: { fields?: Record<string, unknown> }): Record<string, unknown> {
  return Object.fromEntries(Object.entries(struct.fields ?? {}).map(([key, value]) => [key, valueToJson(value)]));
}

function valueToJson(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  // Decoded with `oneofs: true`, `kind` names the member that is set.
  if (typeof v['kind'] === 'string' && v['kind'] in v) {
    const member = v['kind'];
    const set = v[member];
    if (member === 'struct_value' || member === 'structValue') return structToJson(set as { fields?: Record<string, unknown> });
    if (member === 'list_value' || member === 'listValue') return ((set as { values?: unknown[] }).values ?? []).map(valueToJson);
    if (member === 'null_value' || member === 'nullValue') return null;
    return set;
  }
  const pick = (snake: string, camel: string) => (v[snake] !== undefined && v[snake] !== null ? v[snake] : v[camel]);
  const struct = pick('struct_value', 'structValue');
  if (struct) return structToJson(struct as { fields?: Record<string, unknown> });
  const list = pick('list_value', 'listValue') as { values?: unknown[] } | undefined;
  if (list) return (list.values ?? []).map(valueToJson);
  for (const [snake, camel] of [['string_value', 'stringValue'], ['number_value', 'numberValue'], ['bool_value', 'boolValue']]) {
    const found = pick(snake, camel);
    if (found !== undefined && found !== null) return found;
  }
  return null;
}

function namespaceOf(workload: string, dnsDomain: string): string {
  const dot = workload.indexOf('.');
  if (dot >= 0) return workload.slice(dot + 1);
  return dnsDomain.split('.')[0] || 'default';
}

function labelsOf(value: unknown): Record<string, string> {
  let raw = value;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw) as unknown;
    } catch {
      return {};
    }
  }
  if (!raw || typeof raw !== 'object') return {};
  const labels: Record<string, string> = {};
  for (const [key, label] of Object.entries(raw)) if (typeof label === 'string') labels[key] = label;
  return labels;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

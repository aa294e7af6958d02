import { EXTENSION_TYPE_NAMES, envoyCodec, typeNameOf } from '@isthmus/protos';
import type { Cluster, HttpConnectionManager__Output, Listener } from '@isthmus/protos';

interface AnyLike {
  type_url?: string;
  value?: Uint8Array | Buffer | null;
}

/** The ClusterLoadAssignment name an EDS cluster loads (its eds service_name, else its own name); none otherwise. */
export function endpointNameOf(cluster: Cluster): string | undefined {
  if (cluster.type !== 'EDS') return undefined;
  return cluster.eds_cluster_config?.service_name || cluster.name || undefined;
}

/** Route configuration names a listener asks for over RDS (HTTP connection managers in filter chains or api_listener). */
export function routeNamesOf(listener: Listener): string[] {
  const names: string[] = [];
  const visit = (config: AnyLike | null | undefined) => {
    if (!config?.type_url || typeNameOf(config.type_url) !== EXTENSION_TYPE_NAMES.httpConnectionManager) return;
    const decoded = envoyCodec().unpack<HttpConnectionManager__Output>(config);
    const name = decoded.ok ? decoded.value.rds?.route_config_name : undefined;
    if (name) names.push(name);
  };
  for (const chain of [...(listener.filter_chains ?? []), ...(listener.default_filter_chain ? [listener.default_filter_chain] : [])]) {
    for (const filter of chain.filters ?? []) visit(filter.typed_config as AnyLike | undefined);
  }
  visit(listener.api_listener?.api_listener as AnyLike | undefined);
  return names;
}

import type { RouteDestination } from '@isthmus/config-model';
import { EXTENSION_TYPE_NAMES } from '@isthmus/protos';
import type { Filter } from '@isthmus/protos';
import type { DeepReadonly, VirtualServiceEntry } from '../push/push-context';
import { pack } from './envoy-util';
import { RouteContext, destinationCluster } from './route-translation';

/** tcp_proxy to one cluster, or weighted over several (VirtualService tcp/tls route destinations). */
export function tcpProxyTo(statPrefix: string, clusters: readonly { name: string; weight: number }[]): Filter {
  const config =
    clusters.length === 1
      ? { stat_prefix: statPrefix, cluster: clusters[0].name }
      : { stat_prefix: statPrefix, weighted_clusters: { clusters: clusters.map((cluster) => ({ name: cluster.name, weight: cluster.weight })) } };
  return { name: 'envoy.filters.network.tcp_proxy', typed_config: pack(EXTENSION_TYPE_NAMES.tcpProxy, config) };
}

/** Clusters of a VirtualService tcp/tls route's destinations. */
export function routeClusters(ctx: RouteContext, vs: VirtualServiceEntry, destinations: readonly DeepReadonly<RouteDestination>[], where: string) {
  return destinations.map((destination) => ({ name: destinationCluster(ctx, vs, destination, where), weight: destination.weight ?? (destinations.length === 1 ? 100 : 0) }));
}

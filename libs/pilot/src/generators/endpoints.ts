import type { ClusterLoadAssignment, LocalityLbEndpoints } from '@isthmus/protos';
import type { Proxy } from '../model/proxy';
import { ServiceEndpoint, labelsMatch } from '../model/service';
import type { PushContext } from '../push/push-context';
import { destinationRuleFor, servicesFor, undefinedSubsets } from '../push/queries';
import { socketAddress } from './envoy-util';
import { outboundClusterName } from './names';

/**
 * EDS: one ClusterLoadAssignment per EDS cluster (every `outbound|port|subset|host` of a ClientSideLB service),
 * endpoints filtered by subset labels and grouped by locality. Locality weight = sum of endpoint weights (gRPC
 * clients ignore localities without one).
 */
export function buildEndpoints(push: PushContext, proxy: Proxy, onlyHosts?: ReadonlySet<string>): ClusterLoadAssignment[] {
  const assignments: ClusterLoadAssignment[] = [];
  const undefinedByHost = undefinedSubsets(push, proxy);
  for (const service of servicesFor(push, proxy)) {
    if (service.resolution !== 'ClientSideLB') continue;
    if (onlyHosts && !onlyHosts.has(service.hostname)) continue;
    const endpoints = push.endpointsByHost.get(service.hostname) ?? [];
    const rule = destinationRuleFor(push, proxy.namespace, service);
    for (const port of service.ports) {
      if (port.protocol === 'UDP') continue;
      const forPort = endpoints.filter((endpoint) => endpoint.servicePort === port.port);
      assignments.push(loadAssignment(outboundClusterName(service.hostname, port.port), forPort));
      for (const subset of rule?.spec.subsets ?? []) {
        if (!subset.name) continue;
        const selected = forPort.filter((endpoint) => labelsMatch(subset.labels, endpoint.labels));
        assignments.push(loadAssignment(outboundClusterName(service.hostname, port.port, subset.name), selected));
      }
      // Routes to undefined subsets get an empty cluster (see undefinedSubsets).
      for (const subset of undefinedByHost.get(service.hostname) ?? []) assignments.push(loadAssignment(outboundClusterName(service.hostname, port.port, subset), []));
    }
  }
  return assignments;
}

export function loadAssignment(clusterName: string, endpoints: readonly ServiceEndpoint[]): ClusterLoadAssignment {
  const byLocality = new Map<string, ServiceEndpoint[]>();
  for (const endpoint of endpoints) {
    const key = endpoint.locality ?? '';
    const list = byLocality.get(key) ?? [];
    list.push(endpoint);
    byLocality.set(key, list);
  }
  const localities: LocalityLbEndpoints[] = [...byLocality.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([locality, members]) => {
      const [region = '', zone = '', sub_zone = ''] = locality.split('/');
      const sorted = [...members].sort((a, b) => `${a.address}:${a.port}`.localeCompare(`${b.address}:${b.port}`));
      return {
        locality: { region, zone, sub_zone },
        lb_endpoints: sorted.map((endpoint) => ({
          endpoint: { address: socketAddress(endpoint.address, endpoint.port) },
          load_balancing_weight: { value: endpoint.weight ?? 1 },
        })),
        load_balancing_weight: { value: sorted.reduce((sum, endpoint) => sum + (endpoint.weight ?? 1), 0) },
      };
    });
  return { cluster_name: clusterName, endpoints: localities };
}

import type { ClusterLoadAssignment__Output } from '@isthmus/protos';
import { fail, rejectUnsupported } from './errors';
import type { EndpointConfig } from './types';
import { wrapped } from './values';

const UNHEALTHY = new Set(['UNHEALTHY', 'DRAINING', 'TIMEOUT']);

/** envoy.config.endpoint.v3.ClusterLoadAssignment → endpoints (priority, weight, health). */
export function compileEndpoints(assignment: ClusterLoadAssignment__Output, path: string): EndpointConfig[] {
  rejectUnsupported(assignment, path, ['cluster_name', 'endpoints', 'policy', 'named_endpoints']);
  const endpoints: EndpointConfig[] = [];
  assignment.endpoints.forEach((group, groupIndex) => {
    const groupPath = `${path}.endpoints[${groupIndex}]`;
    rejectUnsupported(group, groupPath, ['locality', 'lb_endpoints', 'load_balancing_weight', 'priority', 'metadata', 'proximity']);
    const locality = group.locality ? [group.locality.region, group.locality.zone, group.locality.sub_zone].join('/') : '';
    group.lb_endpoints.forEach((lbEndpoint, index) => {
      const endpointPath = `${groupPath}.lb_endpoints[${index}]`;
      rejectUnsupported(lbEndpoint, endpointPath, ['endpoint', 'health_status', 'metadata', 'load_balancing_weight', 'host_identifier'], {
        health_status: 'UNKNOWN',
      });
      const socket = lbEndpoint.endpoint?.address?.socket_address;
      if (!socket) fail(`${endpointPath}.endpoint.address`, 'only socket addresses are supported');
      endpoints.push({
        address: socket.address,
        port: socket.port_value ?? 0,
        weight: wrapped(lbEndpoint.load_balancing_weight, 1) || 1,
        healthy: !UNHEALTHY.has(String(lbEndpoint.health_status)),
        priority: group.priority ?? 0,
        locality,
      });
    });
  });
  return endpoints;
}

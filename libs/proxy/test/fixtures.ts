/** Builders for Envoy resources in their decoded (`__Output`) form, made by a real encode/decode round trip. */
import { EXTENSION_TYPE_NAMES, XDS_TYPE_NAMES, envoyCodec } from '@isthmus/protos';
import type { Cluster, Cluster__Output, ClusterLoadAssignment__Output, Listener, Listener__Output, RouteConfiguration__Output } from '@isthmus/protos';

export function decode<T>(typeName: string, value: object): T {
  const codec = envoyCodec();
  const result = codec.unpack<T>(codec.pack(typeName, value));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

export const pack = (typeName: string, value: object) => envoyCodec().pack(typeName, value);

export function cluster(value: object): Cluster__Output {
  return decode<Cluster__Output>(XDS_TYPE_NAMES.cluster, value);
}

export function staticCluster(name: string, ports: readonly number[], extra: object = {}): Cluster__Output {
  return cluster(rawStaticCluster(name, ports, extra));
}

export function rawStaticCluster(name: string, ports: readonly number[], extra: object = {}): Cluster {
  return {
    name,
    type: 'STATIC',
    connect_timeout: { seconds: 1 },
    load_assignment: {
      cluster_name: name,
      endpoints: [{ lb_endpoints: ports.map((port) => ({ endpoint: { address: { socket_address: { address: '127.0.0.1', port_value: port } } } })) }],
    },
    ...extra,
  };
}

export function assignment(name: string, ports: readonly number[]): ClusterLoadAssignment__Output {
  return decode<ClusterLoadAssignment__Output>(XDS_TYPE_NAMES.endpoint, {
    cluster_name: name,
    endpoints: [{ lb_endpoints: ports.map((port) => ({ endpoint: { address: { socket_address: { address: '127.0.0.1', port_value: port } } } })) }],
  });
}

export function routes(value: object): RouteConfiguration__Output {
  return decode<RouteConfiguration__Output>(XDS_TYPE_NAMES.route, value);
}

export const routerFilter = () => ({ name: 'envoy.filters.http.router', typed_config: pack(EXTENSION_TYPE_NAMES.router, {}) });

/** An HTTP listener on 127.0.0.1:`port` (0 = any) with RDS `routeName` or inline routes. */
export interface HttpListenerOptions {
  routeName?: string;
  routeConfig?: object;
  filters?: object[];
  hcm?: object;
  chain?: object;
  listener?: object;
}

export function httpListener(name: string, port: number, options: HttpListenerOptions = {}): Listener__Output {
  return decode<Listener__Output>(XDS_TYPE_NAMES.listener, rawHttpListener(name, port, options));
}

/** The same listener in input form (for a control plane snapshot). */
export function rawHttpListener(name: string, port: number, options: HttpListenerOptions = {}): Listener {
  const manager = pack(EXTENSION_TYPE_NAMES.httpConnectionManager, {
    stat_prefix: name,
    ...(options.routeConfig
      ? { route_config: options.routeConfig }
      : { rds: { route_config_name: options.routeName ?? name, config_source: { ads: {}, resource_api_version: 'V3' } } }),
    http_filters: options.filters ?? [routerFilter()],
    upgrade_configs: [{ upgrade_type: 'websocket' }],
    ...options.hcm,
  });
  return {
    name,
    address: { socket_address: { address: '127.0.0.1', port_value: port } },
    filter_chains: [{ filters: [{ name: 'envoy.filters.network.http_connection_manager', typed_config: manager }], ...options.chain }],
    ...options.listener,
  };
}

export function tcpListener(name: string, port: number, clusterName: string, chain: object = {}): Listener__Output {
  return decode<Listener__Output>(XDS_TYPE_NAMES.listener, {
    name,
    address: { socket_address: { address: '127.0.0.1', port_value: port } },
    filter_chains: [
      {
        filters: [{ name: 'envoy.filters.network.tcp_proxy', typed_config: pack(EXTENSION_TYPE_NAMES.tcpProxy, { stat_prefix: name, cluster: clusterName }) }],
        ...chain,
      },
    ],
  });
}

export function vhost(domains: string[], routeList: object[], extra: object = {}) {
  return { name: domains[0], domains, routes: routeList, ...extra };
}

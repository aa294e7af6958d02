import {
  EXTENSION_TYPE_NAMES,
  typeNameOf,
  type FilterChain__Output,
  type HttpConnectionManager__Output,
  type Listener__Output,
  type TcpProxy__Output,
} from '@isthmus/protos';
import { compileAccessLogs } from './access-log-config';
import { fail, rejectUnsupported } from './errors';
import { compileHcm } from './hcm-config';
import { compileDownstreamTransportSocket, unpackTyped } from './tls-config';
import type { FilterChainConfig, ListenerConfig, NetworkFilterConfig, TcpProxyConfig } from './types';
import { durationMs, wrapped } from './values';

const HTTP_INSPECTOR_TYPE = 'envoy.extensions.filters.listener.http_inspector.v3.HttpInspector';
const LISTENER_FILTERS: Record<string, 'tls' | 'http' | 'original_dst'> = {
  [EXTENSION_TYPE_NAMES.tlsInspector]: 'tls',
  [EXTENSION_TYPE_NAMES.originalDst]: 'original_dst',
  [HTTP_INSPECTOR_TYPE]: 'http',
  'envoy.filters.listener.tls_inspector': 'tls',
  'envoy.listener.tls_inspector': 'tls',
  'envoy.filters.listener.original_dst': 'original_dst',
  'envoy.listener.original_dst': 'original_dst',
  'envoy.filters.listener.http_inspector': 'http',
  'envoy.listener.http_inspector': 'http',
};

/** envoy.config.listener.v3.Listener → ListenerConfig with compiled filter chains. */
export function compileListener(listener: Listener__Output): ListenerConfig {
  const path = `listener ${listener.name}`;
  rejectUnsupported(
    listener,
    path,
    [
      'name', 'address', 'filter_chains', 'default_filter_chain', 'use_original_dst', 'listener_filters', 'listener_filters_timeout',
      'continue_on_listener_filters_timeout', 'bind_to_port', 'metadata', 'stat_prefix', 'per_connection_buffer_limit_bytes',
      'access_log', 'transparent', 'freebind', 'traffic_direction',
    ],
    { drain_type: 'DEFAULT', traffic_direction: 'UNSPECIFIED' },
  );
  if (!listener.name) fail('listener', 'name is required');
  const socket = listener.address?.socket_address;
  if (!socket) fail(`${path}.address`, 'a socket address is required');
  if ((socket.protocol ?? 'TCP') !== 'TCP') fail(`${path}.address.socket_address.protocol`, 'only TCP listeners are supported');
  if (listener.access_log.length > 0) fail(`${path}.access_log`, 'listener-level access logs are not supported (use the HCM or tcp_proxy access_log)');

  const kinds = new Set<string>();
  listener.listener_filters.forEach((filter, index) => {
    const typeName = filter.typed_config ? typeNameOf(filter.typed_config.type_url) : '';
    const kind = LISTENER_FILTERS[typeName] ?? (typeName ? undefined : LISTENER_FILTERS[filter.name]);
    if (!kind) fail(`${path}.listener_filters[${index}]`, `listener filter ${filter.name}${typeName ? ` (${typeName})` : ''} is not supported`);
    kinds.add(kind);
  });
  const filterChains = listener.filter_chains.map((chain, index) => compileFilterChain(chain, `${path}.filter_chains[${index}]`));
  const defaultChain = listener.default_filter_chain ? compileFilterChain(listener.default_filter_chain, `${path}.default_filter_chain`) : undefined;
  if (filterChains.length === 0 && !defaultChain && !wrapped(listener.use_original_dst, false)) fail(`${path}.filter_chains`, 'at least one filter chain is required');
  const rdsNames = [...filterChains, ...(defaultChain ? [defaultChain] : [])]
    .map((chain) => (chain.network.kind === 'http' && chain.network.hcm.routes.kind === 'rds' ? chain.network.hcm.routes.name : ''))
    .filter(Boolean);
  return {
    name: listener.name,
    address: socket.address,
    port: socket.port_value ?? 0,
    bindToPort: wrapped(listener.bind_to_port, true),
    useOriginalDst: wrapped(listener.use_original_dst, false) || kinds.has('original_dst'),
    inspectTls: kinds.has('tls'),
    inspectHttp: kinds.has('http'),
    filterChains,
    defaultChain,
    trafficDirection: String(listener.traffic_direction),
    listenerFiltersTimeoutMs: durationMs(listener.listener_filters_timeout, 15_000),
    rdsNames: [...new Set(rdsNames)],
  };
}

function compileFilterChain(chain: FilterChain__Output, path: string): FilterChainConfig {
  rejectUnsupported(chain, path, ['filter_chain_match', 'filters', 'transport_socket', 'name', 'metadata']);
  const match = chain.filter_chain_match;
  if (match) {
    rejectUnsupported(
      match,
      `${path}.filter_chain_match`,
      ['destination_port', 'prefix_ranges', 'server_names', 'transport_protocol', 'application_protocols', 'source_prefix_ranges', 'source_ports'],
      { source_type: 'ANY' },
    );
  }
  const tls = compileDownstreamTransportSocket(chain.transport_socket, `${path}.transport_socket`);
  if (chain.filters.length !== 1) fail(`${path}.filters`, 'exactly one network filter (http_connection_manager or tcp_proxy) is supported');
  const filter = chain.filters[0];
  const filterPath = `${path}.filters[0]`;
  const typeName = filter.typed_config ? typeNameOf(filter.typed_config.type_url) : '';
  let network: NetworkFilterConfig;
  if (typeName === EXTENSION_TYPE_NAMES.httpConnectionManager) {
    const manager = unpackTyped<HttpConnectionManager__Output>(filter.typed_config, `${filterPath}.typed_config`, typeName);
    network = { kind: 'http', hcm: compileHcm(manager, `${filterPath}.typed_config`) };
  } else if (typeName === EXTENSION_TYPE_NAMES.tcpProxy) {
    const proxy = unpackTyped<TcpProxy__Output>(filter.typed_config, `${filterPath}.typed_config`, typeName);
    network = { kind: 'tcp', tcp: compileTcpProxy(proxy, `${filterPath}.typed_config`) };
  } else {
    return fail(filterPath, `network filter ${filter.name}${typeName ? ` (${typeName})` : ''} is not supported`);
  }
  return {
    name: chain.name,
    match: {
      destinationPort: match?.destination_port ? match.destination_port.value : undefined,
      prefixRanges: (match?.prefix_ranges ?? []).map((range) => ({ address: range.address_prefix, prefixLength: wrapped(range.prefix_len, 32) })),
      serverNames: (match?.server_names ?? []).map((name) => name.toLowerCase()),
      transportProtocol: match?.transport_protocol ?? '',
      applicationProtocols: match?.application_protocols ?? [],
      sourcePrefixRanges: (match?.source_prefix_ranges ?? []).map((range) => ({ address: range.address_prefix, prefixLength: wrapped(range.prefix_len, 32) })),
      sourcePorts: match?.source_ports ?? [],
    },
    tls,
    network,
  };
}

function compileTcpProxy(proxy: TcpProxy__Output, path: string): TcpProxyConfig {
  rejectUnsupported(proxy, path, ['stat_prefix', 'cluster', 'weighted_clusters', 'idle_timeout', 'access_log', 'cluster_specifier', 'max_connect_attempts']);
  let weighted: TcpProxyConfig['weighted'];
  if (proxy.cluster_specifier === 'weighted_clusters') {
    weighted = (proxy.weighted_clusters?.clusters ?? []).map((target) => ({ cluster: target.name, weight: target.weight }));
    if (weighted.reduce((sum, target) => sum + target.weight, 0) === 0) fail(`${path}.weighted_clusters`, 'weights must add up to more than 0');
  } else if (!proxy.cluster) {
    fail(`${path}.cluster`, 'is required');
  }
  return {
    statPrefix: proxy.stat_prefix,
    cluster: proxy.cluster || undefined,
    weighted,
    idleTimeoutMs: durationMs(proxy.idle_timeout, 3_600_000),
    accessLogs: compileAccessLogs(proxy.access_log, path),
  };
}

import type { FilterChain, Listener } from '@isthmus/protos';
import { EXTENSION_TYPE_NAMES } from '@isthmus/protos';
import type { Proxy } from '../model/proxy';
import { isHttpProtocol, isTlsPassthroughProtocol } from '../model/protocol';
import { Service, ServicePort, UNSPECIFIED_ADDRESS } from '../model/service';
import type { PushContext } from '../push/push-context';
import { outboundPolicyFor, servicesFor, virtualServiceForHost, virtualServicesFor } from '../push/queries';
import { pack, socketAddress, tcpProxyFilter } from './envoy-util';
import { httpConnectionManager } from './http-connection-manager';
import { BLACKHOLE_CLUSTER, PASSTHROUGH_CLUSTER, VIRTUAL_OUTBOUND_LISTENER, VIRTUAL_OUTBOUND_PORT, listenerName, outboundClusterName } from './names';
import { GenerationWarning, RouteContext } from './route-translation';
import { routeClusters, tcpProxyTo } from './tcp-routing';

/** A listener's filter chains being assembled, keyed so that conflicts are detected. */
interface PendingListener {
  address: string;
  port: number;
  http: boolean;
  chains: Map<string, FilterChain>;
  sni: boolean;
}

/**
 * LDS (outbound side of a sidecar): `virtualOutbound` on 15001 hands connections to the listener of their original
 * destination; `0.0.0.0_<port>` per HTTP port (routes over RDS `<port>`); `<ip>_<port>` with tcp_proxy per TCP service
 * with an address; `0.0.0.0_<port>` with SNI-matched chains for TLS/HTTPS services without one. Unknown destinations
 * go to PassthroughCluster (ALLOW_ANY) or BlackHoleCluster (REGISTRY_ONLY).
 */
export function buildOutboundListeners(push: PushContext, proxy: Proxy, warnings: GenerationWarning[] = []): Listener[] {
  const pending = new Map<string, PendingListener>();
  const virtualServices = virtualServicesFor(push, proxy.namespace, 'mesh');
  for (const service of servicesFor(push, proxy)) {
    for (const port of service.ports) {
      if (port.protocol === 'UDP') continue;
      if (isHttpProtocol(port.protocol)) addHttp(pending, port, warnings, service);
      else addTcp(push, proxy, pending, service, port, virtualServices, warnings);
    }
  }
  const listeners: Listener[] = [...pending.values()]
    .sort((a, b) => a.port - b.port || a.address.localeCompare(b.address))
    .map((entry) => ({
      name: listenerName(entry.address, entry.port),
      address: socketAddress(entry.address, entry.port),
      bind_to_port: { value: false },
      traffic_direction: 'OUTBOUND',
      ...(entry.sni ? { listener_filters: [{ name: 'envoy.filters.listener.tls_inspector', typed_config: pack(EXTENSION_TYPE_NAMES.tlsInspector, {}) }] } : {}),
      filter_chains: [...entry.chains.values()],
    }));
  listeners.push(virtualOutbound(outboundPolicyFor(push, proxy) === 'REGISTRY_ONLY'));
  return listeners;
}

function addHttp(pending: Map<string, PendingListener>, port: ServicePort, warnings: GenerationWarning[], service: Service): void {
  const key = listenerName(UNSPECIFIED_ADDRESS, port.port);
  const existing = pending.get(key);
  if (existing && !existing.http) {
    warnings.push({ resource: `Service ${service.hostname}`, message: `port ${port.port}: HTTP listener replaces TCP chains of 0.0.0.0:${port.port} (protocol conflict)` });
  }
  if (existing?.http) return;
  const chain: FilterChain = { filters: [httpConnectionManager({ statPrefix: key, rds: `${port.port}` })] };
  pending.set(key, { address: UNSPECIFIED_ADDRESS, port: port.port, http: true, chains: new Map([['http', chain]]), sni: false });
}

function addTcp(
  push: PushContext,
  proxy: Proxy,
  pending: Map<string, PendingListener>,
  service: Service,
  port: ServicePort,
  virtualServices: ReturnType<typeof virtualServicesFor>,
  warnings: GenerationWarning[],
): void {
  const address = service.address || UNSPECIFIED_ADDRESS;
  const key = listenerName(address, port.port);
  const existing = pending.get(key);
  if (existing?.http) {
    warnings.push({ resource: `Service ${service.hostname}`, message: `port ${port.port}: ${port.protocol} service shadowed by the HTTP listener on 0.0.0.0:${port.port} (protocol conflict)` });
    return;
  }
  const entry = existing ?? { address, port: port.port, http: false, chains: new Map<string, FilterChain>(), sni: false };
  pending.set(key, entry);
  const ctx: RouteContext = { push, proxy, listenerPort: port.port, gateway: 'mesh', warnings };
  const vs = virtualServiceForHost(virtualServices, service.hostname);
  const statPrefix = outboundClusterName(service.hostname, port.port);
  let clusters = [{ name: statPrefix, weight: 100 }];
  const sniRoute = isTlsPassthroughProtocol(port.protocol) ? vs?.spec.tls?.find((route) => route.route && route.route.length > 0) : undefined;
  const tcpRoute = vs?.spec.tcp?.find((route) => route.route && route.route.length > 0);
  if (vs && sniRoute?.route) clusters = routeClusters(ctx, vs, sniRoute.route, `VirtualService ${vs.namespace}/${vs.name} tls`);
  else if (vs && tcpRoute?.route) clusters = routeClusters(ctx, vs, tcpRoute.route, `VirtualService ${vs.namespace}/${vs.name} tcp`);
  const filter = tcpProxyTo(statPrefix, clusters);
  if (address === UNSPECIFIED_ADDRESS && isTlsPassthroughProtocol(port.protocol)) {
    // Several external TLS hosts share 0.0.0.0:<port>; the SNI picks the chain.
    entry.sni = true;
    entry.chains.set(`sni:${service.hostname}`, { filter_chain_match: { server_names: [service.hostname] }, filters: [filter] });
  } else if (entry.chains.has('tcp')) {
    warnings.push({ resource: `Service ${service.hostname}`, message: `port ${port.port}: ${key} already forwards to another service (conflict); first definition kept` });
  } else {
    entry.chains.set('tcp', { filters: [filter] });
  }
}

function virtualOutbound(registryOnly: boolean): Listener {
  const cluster = registryOnly ? BLACKHOLE_CLUSTER : PASSTHROUGH_CLUSTER;
  return {
    name: VIRTUAL_OUTBOUND_LISTENER,
    address: socketAddress(UNSPECIFIED_ADDRESS, VIRTUAL_OUTBOUND_PORT),
    use_original_dst: { value: true },
    traffic_direction: 'OUTBOUND',
    filter_chains: [{ name: 'virtualOutbound-catchall-tcp', filters: [tcpProxyFilter(cluster, cluster)] }],
  };
}

import { EXTENSION_TYPE_NAMES } from '@isthmus/protos';
import type { FilterChain, Listener } from '@isthmus/protos';
import { hostsIntersect } from '../model/hostname';
import type { Proxy } from '../model/proxy';
import type { PushContext } from '../push/push-context';
import { virtualServicesFor } from '../push/queries';
import { gatewayServerTls } from './downstream-tls';
import { pack, socketAddress } from './envoy-util';
import { gatewayServersByPort, serverHostMatch } from './gateway-servers';
import { httpConnectionManager } from './http-connection-manager';
import { listenerName } from './names';
import { GenerationWarning, RouteContext } from './route-translation';
import { routeClusters, tcpProxyTo } from './tcp-routing';

/**
 * LDS for a router (ingress/egress gateway): one `0.0.0.0_<port>` listener per Gateway server port. HTTP servers →
 * RDS `http.<port>`; HTTPS SIMPLE/MUTUAL → TLS terminated with the server's certificate files, matched by SNI, RDS
 * `https.<port>.<name>`; PASSTHROUGH → SNI chains from VirtualService tls routes; TCP → VirtualService tcp routes.
 */
export function buildGatewayListeners(push: PushContext, proxy: Proxy, warnings: GenerationWarning[] = []): Listener[] {
  const listeners: Listener[] = [];
  for (const [port, servers] of gatewayServersByPort(push, proxy)) {
    const name = listenerName('0.0.0.0', port);
    const chains: FilterChain[] = [];
    let sni = false;
    let httpDone = false;
    for (const entry of servers) {
      const hosts = (entry.server.hosts ?? []).map((host) => host.slice(host.indexOf('/') + 1));
      const serverNames = hosts.includes('*') ? [] : hosts;
      switch (entry.mode) {
        case 'http':
          if (httpDone) break;
          httpDone = true;
          chains.push({ filters: [httpConnectionManager({ statPrefix: name, rds: entry.routeName, useRemoteAddress: true })] });
          break;
        case 'https':
          sni ||= serverNames.length > 0;
          chains.push({
            ...(serverNames.length > 0 ? { filter_chain_match: { server_names: serverNames } } : {}),
            transport_socket: gatewayServerTls(entry.server.tls ?? {}),
            filters: [httpConnectionManager({ statPrefix: `${name}_${entry.server.port?.name ?? ''}`, rds: entry.routeName, useRemoteAddress: true })],
          });
          break;
        case 'passthrough':
        case 'tcp': {
          const ctx: RouteContext = { push, proxy, listenerPort: port, gateway: entry.gatewayName, warnings };
          for (const vs of virtualServicesFor(push, entry.gateway.namespace, entry.gatewayName)) {
            if (!vs.hosts.some((host) => serverHostMatch(entry.server.hosts ?? [], host, vs.namespace, hostsIntersect))) continue;
            const where = `VirtualService ${vs.namespace}/${vs.name}`;
            if (entry.mode === 'passthrough') {
              for (const route of vs.spec.tls ?? []) {
                const sniHosts = (route.match ?? []).flatMap((match) => (match.port && match.port !== port ? [] : (match.sniHosts ?? [])));
                if (sniHosts.length === 0 || !route.route?.length) continue;
                sni = true;
                chains.push({ filter_chain_match: { server_names: [...sniHosts] }, filters: [tcpProxyTo(name, routeClusters(ctx, vs, route.route, `${where} tls`))] });
              }
            } else {
              const route = (vs.spec.tcp ?? []).find((candidate) => (candidate.match ?? []).every((match) => !match.port || match.port === port) && candidate.route?.length);
              if (route?.route && !chains.some((chain) => !chain.filter_chain_match)) chains.push({ filters: [tcpProxyTo(name, routeClusters(ctx, vs, route.route, `${where} tcp`))] });
            }
          }
          break;
        }
      }
    }
    if (chains.length === 0) {
      warnings.push({ resource: `Gateway port ${port}`, message: 'no route applies to this port; listener omitted' });
      continue;
    }
    listeners.push({
      name,
      address: socketAddress('0.0.0.0', port),
      traffic_direction: 'OUTBOUND',
      ...(sni ? { listener_filters: [{ name: 'envoy.filters.listener.tls_inspector', typed_config: pack(EXTENSION_TYPE_NAMES.tlsInspector, {}) }] } : {}),
      filter_chains: chains,
    });
  }
  return listeners;
}

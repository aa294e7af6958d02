import type { RouteConfiguration, VirtualHost } from '@isthmus/protos';
import { hostsIntersect } from '../model/hostname';
import type { Proxy } from '../model/proxy';
import type { PushContext } from '../push/push-context';
import { virtualServicesFor } from '../push/queries';
import { gatewayServersByPort, serverHostMatch } from './gateway-servers';
import { GenerationWarning, RouteContext, translateVirtualService } from './route-translation';

/**
 * RDS for a router: per HTTP(S) server route name, a virtual host per VirtualService host bound to the Gateway
 * (`gateways: [name]` or `ns/name`) and allowed by the server's hosts. The first VirtualService for a host wins.
 * `httpsRedirect` makes plain-HTTP hosts redirect to HTTPS.
 */
export function buildGatewayRoutes(push: PushContext, proxy: Proxy, warnings: GenerationWarning[] = []): RouteConfiguration[] {
  const configs = new Map<string, Map<string, VirtualHost>>();
  for (const [port, servers] of gatewayServersByPort(push, proxy)) {
    for (const entry of servers) {
      if (!entry.routeName) continue;
      const hosts = configs.get(entry.routeName) ?? new Map<string, VirtualHost>();
      configs.set(entry.routeName, hosts);
      const ctx: RouteContext = { push, proxy, listenerPort: port, gateway: entry.gatewayName, warnings };
      for (const vs of virtualServicesFor(push, entry.gateway.namespace, entry.gatewayName)) {
        for (const vsHost of vs.hosts) {
          if (!serverHostMatch(entry.server.hosts ?? [], vsHost, vs.namespace, hostsIntersect)) continue;
          const name = `${vsHost}:${port}`;
          if (hosts.has(name)) {
            warnings.push({ resource: `VirtualService ${vs.namespace}/${vs.name}`, message: `host ${vsHost} on ${entry.gatewayName} port ${port} is already routed by another VirtualService; ignored` });
            continue;
          }
          const routes = translateVirtualService(ctx, vs);
          hosts.set(name, {
            name,
            domains: vsHost === '*' ? ['*'] : [vsHost, `${vsHost}:${port}`],
            routes,
            ...(entry.mode === 'http' && entry.server.tls?.httpsRedirect ? { require_tls: 'ALL' as const } : {}),
          });
        }
      }
    }
  }
  return [...configs.entries()].map(([name, hosts]) => ({ name, virtual_hosts: [...hosts.values()], validate_clusters: { value: false } }));
}

import type { Listener, RouteConfiguration } from '@isthmus/protos';
import type { Proxy } from '../model/proxy';
import { isHttpProtocol } from '../model/protocol';
import type { PushContext } from '../push/push-context';
import { servicesFor, virtualServiceForHost, virtualServicesFor } from '../push/queries';
import { httpConnectionManagerConfig } from './http-connection-manager';
import { GenerationWarning, RouteContext } from './route-translation';
import { serviceDomains, serviceVirtualHost } from './routes';

/**
 * Proxyless gRPC: an API listener named `host:port` for every reachable HTTP/gRPC service port (what a client dialling
 * `xds:///host:port` asks for), each taking its routes over RDS under the same name. Routes honour VirtualServices
 * bound to `mesh` (weights, header matches, retries, timeouts as max_stream_duration, fault injection).
 */
export function buildApiListeners(push: PushContext, proxy: Proxy): Listener[] {
  const listeners: Listener[] = [];
  for (const service of servicesFor(push, proxy)) {
    for (const port of service.ports) {
      if (!isHttpProtocol(port.protocol)) continue;
      const name = `${service.hostname}:${port.port}`;
      listeners.push({ name, api_listener: { api_listener: httpConnectionManagerConfig({ statPrefix: name, rds: name, proxyless: true }) } });
    }
  }
  return listeners;
}

export function buildApiRoutes(push: PushContext, proxy: Proxy, warnings: GenerationWarning[] = []): RouteConfiguration[] {
  const virtualServices = virtualServicesFor(push, proxy.namespace, 'mesh');
  const configs: RouteConfiguration[] = [];
  for (const service of servicesFor(push, proxy)) {
    for (const port of service.ports) {
      if (!isHttpProtocol(port.protocol)) continue;
      const ctx: RouteContext = { push, proxy, listenerPort: port.port, gateway: 'mesh', warnings };
      const host = serviceVirtualHost(ctx, service, port.port, virtualServiceForHost(virtualServices, service.hostname));
      const name = `${service.hostname}:${port.port}`;
      configs.push({ name, virtual_hosts: [{ ...host, domains: serviceDomains(push, service, port.port, proxy.namespace) }] });
    }
  }
  return configs;
}

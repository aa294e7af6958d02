import type { RouteConfiguration, VirtualHost } from '@isthmus/protos';
import type { Proxy } from '../model/proxy';
import { isHttpProtocol } from '../model/protocol';
import type { Service } from '../model/service';
import type { PushContext } from '../push/push-context';
import { outboundPolicyFor, servicesFor, virtualServiceForHost, virtualServicesFor } from '../push/queries';
import { PASSTHROUGH_CLUSTER, outboundClusterName } from './names';
import { GenerationWarning, RouteContext, defaultRoute, hashPolicyFor, translateVirtualService } from './route-translation';

/**
 * RDS for a sidecar: one RouteConfiguration per outbound HTTP port (named by the port, `9080`), with a virtual host
 * per service on that port whose domains are every alias of the service, VirtualService routes when one applies,
 * else a default route; plus `allow_any` (Passthrough) or `block_all` (REGISTRY_ONLY) for unknown hosts.
 */
export function buildSidecarRoutes(push: PushContext, proxy: Proxy, warnings: GenerationWarning[] = []): RouteConfiguration[] {
  const byPort = new Map<number, Service[]>();
  for (const service of servicesFor(push, proxy)) {
    for (const port of service.ports) {
      if (!isHttpProtocol(port.protocol)) continue;
      byPort.set(port.port, [...(byPort.get(port.port) ?? []), service]);
    }
  }
  const virtualServices = virtualServicesFor(push, proxy.namespace, 'mesh');
  const registryOnly = outboundPolicyFor(push, proxy) === 'REGISTRY_ONLY';
  return [...byPort.entries()]
    .sort(([a], [b]) => a - b)
    .map(([port, services]) => {
      const ctx: RouteContext = { push, proxy, listenerPort: port, gateway: 'mesh', warnings };
      const hosts = services.map((service) => serviceVirtualHost(ctx, service, port, virtualServiceForHost(virtualServices, service.hostname)));
      hosts.push(catchAllHost(registryOnly));
      return { name: `${port}`, virtual_hosts: hosts, validate_clusters: { value: false } };
    });
}

export function serviceVirtualHost(ctx: RouteContext, service: Service, port: number, vs: ReturnType<typeof virtualServiceForHost>): VirtualHost {
  const hostPort = `${service.hostname}:${port}`;
  const routes = vs ? translateVirtualService(ctx, vs) : [];
  return {
    name: hostPort,
    domains: serviceDomains(ctx.push, service, port, ctx.proxy.namespace),
    routes: routes.length > 0 || vs ? routes : [defaultRoute(ctx, outboundClusterName(service.hostname, port), hostPort, hashPolicyFor(ctx, service, port))],
  };
}

/**
 * Every name a client may use for a service: FQDN, and for Kubernetes-style hosts `name`, `name.ns`, `name.ns.svc`
 * (short forms only from the same namespace), plus the cluster IP — each with and without `:port`.
 */
export function serviceDomains(push: PushContext, service: Service, port: number, proxyNamespace: string): string[] {
  const names = [service.hostname];
  const suffix = `.svc.${push.domain}`;
  if (service.hostname.endsWith(suffix)) {
    const [name, namespace] = service.hostname.slice(0, -suffix.length).split('.');
    if (namespace === proxyNamespace) names.push(name);
    names.push(`${name}.${namespace}`, `${name}.${namespace}.svc`);
  }
  if (service.address && service.address !== '0.0.0.0') names.push(service.address);
  return names.flatMap((name) => [name, `${name}:${port}`]);
}

function catchAllHost(registryOnly: boolean): VirtualHost {
  if (registryOnly) {
    return { name: 'block_all', domains: ['*'], routes: [{ name: 'block_all', match: { prefix: '/' }, direct_response: { status: 502 } }] };
  }
  return { name: 'allow_any', domains: ['*'], routes: [{ name: 'allow_any', match: { prefix: '/' }, route: { cluster: PASSTHROUGH_CLUSTER, timeout: { seconds: 0, nanos: 0 } } }] };
}


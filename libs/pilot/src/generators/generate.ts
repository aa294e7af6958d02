import type { Cluster, ClusterLoadAssignment, Listener, RouteConfiguration } from '@isthmus/protos';
import type { Proxy } from '../model/proxy';
import type { PushContext } from '../push/push-context';
import { buildApiListeners, buildApiRoutes } from './api-listeners';
import { buildClusters, buildInboundClusters } from './clusters';
import { sidecarFor } from '../push/queries';
import { buildEndpoints } from './endpoints';
import { buildGatewayListeners } from './listeners-gateway';
import { buildInboundListeners } from './listeners-inbound';
import { buildOutboundListeners } from './listeners-outbound';
import { GenerationWarning } from './route-translation';
import { buildGatewayRoutes } from './routes-gateway';
import { buildSidecarRoutes } from './routes';

/** All four xDS outputs for one proxy, plus what was skipped and why. */
export interface ProxyConfig {
  readonly clusters: Cluster[];
  readonly endpoints: ClusterLoadAssignment[];
  readonly listeners: Listener[];
  readonly routes: RouteConfiguration[];
  readonly warnings: GenerationWarning[];
}

/** The generator seam: pure function of (PushContext, Proxy) choosing the generators by proxy kind. */
export function generateProxyConfig(push: PushContext, proxy: Proxy): ProxyConfig {
  const shared = generateSharedConfig(push, proxy);
  const own = generateWorkloadConfig(push, proxy);
  return {
    clusters: [...shared.clusters, ...own.clusters],
    endpoints: shared.endpoints,
    listeners: [...shared.listeners, ...own.listeners],
    routes: shared.routes,
    warnings: shared.warnings,
  };
}

/**
 * The part of a proxy's config that does not depend on the workload itself (only on `sharedConfigKey`): outbound
 * clusters, endpoints, outbound/gateway/API listeners and routes. Proxies with equal keys can share it.
 */
export function generateSharedConfig(push: PushContext, proxy: Proxy): ProxyConfig {
  const warnings: GenerationWarning[] = [];
  const clusters = buildClusters(push, proxy, { inbound: false });
  const endpoints = buildEndpoints(push, proxy);
  let listeners: Listener[];
  let routes: RouteConfiguration[];
  if (proxy.proxyless) {
    listeners = buildApiListeners(push, proxy);
    routes = buildApiRoutes(push, proxy, warnings);
  } else if (proxy.type === 'router') {
    listeners = buildGatewayListeners(push, proxy, warnings);
    routes = buildGatewayRoutes(push, proxy, warnings);
  } else {
    listeners = buildOutboundListeners(push, proxy, warnings);
    routes = buildSidecarRoutes(push, proxy, warnings);
  }
  return { clusters, endpoints, listeners, routes, warnings: dedupeWarnings(warnings) };
}

/** The workload's own side (sidecars only): inbound clusters and listeners for the ports it serves. */
export function generateWorkloadConfig(push: PushContext, proxy: Proxy): Pick<ProxyConfig, 'clusters' | 'listeners'> {
  if (proxy.type !== 'sidecar' || proxy.proxyless) return { clusters: [], listeners: [] };
  return { clusters: buildInboundClusters(push, proxy), listeners: buildInboundListeners(push, proxy) };
}

/** Proxies with the same key get the same shared config: kind, namespace, Sidecar scope and (when they matter) labels. */
export function sharedConfigKey(push: PushContext, proxy: Proxy): string {
  const sidecar = proxy.type === 'sidecar' ? sidecarFor(push, proxy) : undefined;
  const labelsMatter = proxy.type === 'router' || push.usesSourceLabels;
  const labels = labelsMatter ? JSON.stringify(Object.entries(proxy.labels).sort()) : '';
  return [proxy.type, proxy.namespace, proxy.proxyless ? 'grpc' : 'envoy', sidecar ? `${sidecar.namespace}/${sidecar.name}` : '', labels].join('|');
}

function dedupeWarnings(warnings: GenerationWarning[]): GenerationWarning[] {
  const seen = new Set<string>();
  return warnings.filter((warning) => {
    const key = `${warning.resource}|${warning.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

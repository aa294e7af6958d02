import type { Cluster, ClusterLoadAssignment, Listener, RouteConfiguration } from '@isthmus/protos';
import type { Proxy } from '../model/proxy';
import type { PushContext } from '../push/push-context';
import { buildApiListeners, buildApiRoutes } from './api-listeners';
import { buildClusters } from './clusters';
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
  const warnings: GenerationWarning[] = [];
  const clusters = buildClusters(push, proxy);
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
    listeners = [...buildOutboundListeners(push, proxy, warnings), ...buildInboundListeners(push, proxy)];
    routes = buildSidecarRoutes(push, proxy, warnings);
  }
  return { clusters, endpoints, listeners, routes, warnings: dedupeWarnings(warnings) };
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

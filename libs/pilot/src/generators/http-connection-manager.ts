import { EXTENSION_TYPE_NAMES } from '@isthmus/protos';
import type { Filter, HttpFilter, RouteConfiguration } from '@isthmus/protos';
import { ADS_CONFIG_SOURCE, pack, routerFilter } from './envoy-util';
import { FAULT_FILTER_NAME } from './route-translation';

export interface HcmOptions {
  readonly statPrefix: string;
  /** Route configuration fetched over RDS... */
  readonly rds?: string;
  /** ...or inline (inbound listeners). */
  readonly routeConfig?: RouteConfiguration;
  /** gRPC proxyless clients support only fault and router filters. */
  readonly proxyless?: boolean;
  /** Gateways use the client address for x-forwarded-for. */
  readonly useRemoteAddress?: boolean;
  /** Filters placed before the router (e.g. RBAC on inbound listeners). */
  readonly extraFilters?: readonly HttpFilter[];
}

/** The HTTP filter chain: fault (VirtualService fault injection), CORS (Envoy only), router. */
export function httpFilters(proxyless: boolean, extra: readonly HttpFilter[] = []): HttpFilter[] {
  const fault = { name: FAULT_FILTER_NAME, typed_config: pack(EXTENSION_TYPE_NAMES.fault, {}) };
  if (proxyless) return [fault, ...extra, routerFilter()];
  return [fault, { name: 'envoy.filters.http.cors', typed_config: pack(EXTENSION_TYPE_NAMES.cors, {}) }, ...extra, routerFilter()];
}

export function httpConnectionManagerConfig(options: HcmOptions) {
  return pack(EXTENSION_TYPE_NAMES.httpConnectionManager, {
    stat_prefix: options.statPrefix,
    ...(options.proxyless ? {} : { codec_type: 'AUTO' }),
    ...(options.rds ? { rds: { route_config_name: options.rds, config_source: ADS_CONFIG_SOURCE } } : {}),
    ...(options.routeConfig ? { route_config: options.routeConfig } : {}),
    http_filters: httpFilters(options.proxyless ?? false, options.extraFilters),
    ...(options.useRemoteAddress ? { use_remote_address: { value: true } } : {}),
  });
}

export function httpConnectionManager(options: HcmOptions): Filter {
  return { name: 'envoy.filters.network.http_connection_manager', typed_config: httpConnectionManagerConfig(options) };
}

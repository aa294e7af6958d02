import { EXTENSION_TYPE_NAMES, typeNameOf, type HttpConnectionManager__Output, type HTTPFault__Output, type RbacFilter__Output } from '@isthmus/protos';
import { compileAccessLogs } from './access-log-config';
import { fail, rejectUnsupported } from './errors';
import { compileRouteConfiguration } from './route-config';
import { compileRbac, type RbacConfig } from './rbac-config';
import { compileFault } from './route-policies';
import { unpackTyped } from './tls-config';
import type { FaultConfig, HcmConfig, HttpFilterKind } from './types';
import { durationMs, fractionOf, wrapped } from './values';

/** HTTP filters the proxy implements, by typed_config type and by their well-known names. */
const HTTP_FILTERS: Record<string, HttpFilterKind> = {
  [EXTENSION_TYPE_NAMES.router]: 'router',
  [EXTENSION_TYPE_NAMES.fault]: 'fault',
  [EXTENSION_TYPE_NAMES.cors]: 'cors',
  'envoy.filters.http.router': 'router',
  'envoy.router': 'router',
  'envoy.filters.http.fault': 'fault',
  'envoy.fault': 'fault',
  'envoy.filters.http.cors': 'cors',
  'envoy.cors': 'cors',
  [EXTENSION_TYPE_NAMES.rbac]: 'rbac',
  'envoy.filters.http.rbac': 'rbac',
};

export function compileHcm(manager: HttpConnectionManager__Output, path: string): HcmConfig {
  rejectUnsupported(
    manager,
    path,
    [
      'stat_prefix', 'rds', 'route_config', 'http_filters', 'tracing', 'server_name', 'access_log', 'use_remote_address',
      'generate_request_id', 'xff_num_trusted_hops', 'skip_xff_append', 'via', 'upgrade_configs', 'stream_idle_timeout',
      'request_timeout', 'preserve_external_request_id', 'http_protocol_options', 'http2_protocol_options', 'common_http_protocol_options',
      'drain_timeout', 'delayed_close_timeout', 'normalize_path', 'merge_slashes', 'route_specifier', 'add_user_agent',
      'forward_client_cert_details', 'set_current_client_cert_details', 'internal_address_config', 'max_request_headers_kb',
    ],
    { codec_type: 'AUTO', server_header_transformation: 'OVERWRITE', path_with_escaped_slashes_action: 'IMPLEMENTATION_SPECIFIC_DEFAULT' },
  );
  let routes: HcmConfig['routes'];
  if (manager.route_specifier === 'rds') {
    const name = manager.rds?.route_config_name ?? '';
    if (!name) fail(`${path}.rds.route_config_name`, 'is required');
    const source = manager.rds?.config_source;
    if (source && source.config_source_specifier !== 'ads') fail(`${path}.rds.config_source`, 'only ADS config sources are supported');
    routes = { kind: 'rds', name };
  } else if (manager.route_specifier === 'route_config' && manager.route_config) {
    routes = { kind: 'inline', table: compileRouteConfiguration(manager.route_config) };
  } else {
    return fail(`${path}.route_specifier`, `${String(manager.route_specifier)} is not supported (use rds or route_config)`);
  }

  const filters: HttpFilterKind[] = [];
  let fault: FaultConfig | undefined;
  let rbac: RbacConfig | undefined;
  manager.http_filters.forEach((filter, index) => {
    const filterPath = `${path}.http_filters[${index}]`;
    const typeName = filter.typed_config ? typeNameOf(filter.typed_config.type_url) : '';
    const kind = HTTP_FILTERS[typeName] ?? (typeName ? undefined : HTTP_FILTERS[filter.name]);
    if (!kind) {
      if (filter.is_optional) return;
      fail(filterPath, `HTTP filter ${filter.name}${typeName ? ` (${typeName})` : ''} is not supported`);
    }
    if (filter.disabled) return;
    if (kind === 'fault' && filter.typed_config) {
      fault = compileFault(unpackTyped<HTTPFault__Output>(filter.typed_config, `${filterPath}.typed_config`, EXTENSION_TYPE_NAMES.fault), `${filterPath}.typed_config`);
    }
    if (kind === 'rbac') {
      const typedPath = `${filterPath}.typed_config`;
      rbac = compileRbac(unpackTyped<RbacFilter__Output>(filter.typed_config, typedPath, EXTENSION_TYPE_NAMES.rbac), typedPath);
    }
    filters.push(kind);
  });
  if (filters[filters.length - 1] !== 'router') fail(`${path}.http_filters`, 'the last HTTP filter must be the router');

  const upgrades = new Set<string>();
  manager.upgrade_configs.forEach((upgrade) => {
    if (wrapped(upgrade.enabled, true)) upgrades.add(upgrade.upgrade_type.toLowerCase());
  });

  return {
    statPrefix: manager.stat_prefix,
    routes,
    codec: String(manager.codec_type) as HcmConfig['codec'],
    filters,
    fault,
    accessLogs: compileAccessLogs(manager.access_log, path),
    useRemoteAddress: wrapped(manager.use_remote_address, false),
    skipXffAppend: manager.skip_xff_append,
    generateRequestId: wrapped(manager.generate_request_id, true),
    preserveExternalRequestId: manager.preserve_external_request_id,
    upgrades,
    streamIdleTimeoutMs: durationMs(manager.stream_idle_timeout, 300_000),
    requestTimeoutMs: durationMs(manager.request_timeout, 0),
    serverName: manager.server_name || 'envoy',
    tracing: manager.tracing ? { randomSampling: fractionOf(manager.tracing.random_sampling ? { numerator: manager.tracing.random_sampling.value, denominator: 'HUNDRED' } : null, `${path}.tracing.random_sampling`, 1) } : undefined,
    via: manager.via,
    rbac,
  };
}

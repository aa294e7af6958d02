import type { Route__Output, RouteAction__Output, RouteConfiguration__Output, VirtualHost__Output } from '@isthmus/protos';
import { fail, rejectUnsupported } from './errors';
import { compileRouteMatch } from './route-match';
import { compileCors, compileMutations, compilePerFilterConfig, compileRetry } from './route-policies';
import { compileSubstitution } from './string-matcher';
import type {
  CompiledRoute,
  CompiledVirtualHost,
  ForwardAction,
  HashPolicyConfig,
  RedirectActionConfig,
  RetryConfig,
  RouteActionConfig,
  RouteTable,
} from './types';
import { durationMs, fractionOf, wrapped } from './values';

/** Envoy's route timeout when a route sets none. */
export const DEFAULT_ROUTE_TIMEOUT_MS = 15_000;

const REDIRECT_CODES: Record<string, number> = {
  MOVED_PERMANENTLY: 301,
  FOUND: 302,
  SEE_OTHER: 303,
  TEMPORARY_REDIRECT: 307,
  PERMANENT_REDIRECT: 308,
};
const NOT_FOUND_CODES: Record<string, number> = { SERVICE_UNAVAILABLE: 503, NOT_FOUND: 404, INTERNAL_SERVER_ERROR: 500 };

/** envoy.config.route.v3.RouteConfiguration → a RouteTable with virtual-host lookup compiled into maps. */
export function compileRouteConfiguration(config: RouteConfiguration__Output): RouteTable {
  const path = `route_configuration ${config.name}`;
  rejectUnsupported(config, path, [
    'name', 'virtual_hosts', 'request_headers_to_add', 'request_headers_to_remove', 'response_headers_to_add',
    'response_headers_to_remove', 'validate_clusters', 'max_direct_response_body_size_bytes',
    'ignore_port_in_host_matching',
  ]);
  const clusters = new Set<string>();
  const virtualHosts = config.virtual_hosts.map((vhost, index) => compileVirtualHost(vhost, `${path}.virtual_hosts[${index}]`, clusters));
  return {
    name: config.name,
    virtualHosts,
    selectHost: compileHostSelector(virtualHosts, path, config.ignore_port_in_host_matching),
    mutations: compileMutations(config, path),
    clusters,
  };
}

/**
 * Envoy's domain search order: exact name, then the longest suffix wildcard (`*.example.com`), then the longest
 * prefix wildcard (`example.*`), then `*`. Exact names are one map lookup.
 */
function compileHostSelector(hosts: readonly CompiledVirtualHost[], path: string, ignorePort: boolean) {
  const exact = new Map<string, CompiledVirtualHost>();
  const suffixes: { suffix: string; host: CompiledVirtualHost }[] = [];
  const prefixes: { prefix: string; host: CompiledVirtualHost }[] = [];
  let fallback: CompiledVirtualHost | undefined;
  const seen = new Set<string>();
  hosts.forEach((host, index) => {
    for (const raw of host.domains) {
      const domain = raw.toLowerCase();
      if (seen.has(domain)) fail(`${path}.virtual_hosts[${index}].domains`, `domain "${raw}" appears in more than one virtual host`);
      seen.add(domain);
      if (domain === '*') fallback = host;
      else if (domain.startsWith('*')) suffixes.push({ suffix: domain.slice(1), host });
      else if (domain.endsWith('*')) prefixes.push({ prefix: domain.slice(0, -1), host });
      else exact.set(domain, host);
    }
  });
  suffixes.sort((a, b) => b.suffix.length - a.suffix.length);
  prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
  return (rawHost: string): CompiledVirtualHost | undefined => {
    let host = rawHost.toLowerCase();
    if (ignorePort) {
      const colon = host.lastIndexOf(':');
      if (colon > 0 && !host.endsWith(']')) host = host.slice(0, colon);
    }
    const found = exact.get(host);
    if (found) return found;
    for (const entry of suffixes) if (host.length > entry.suffix.length && host.endsWith(entry.suffix)) return entry.host;
    for (const entry of prefixes) if (host.length > entry.prefix.length && host.startsWith(entry.prefix)) return entry.host;
    return fallback;
  };
}

function compileVirtualHost(vhost: VirtualHost__Output, path: string, clusters: Set<string>): CompiledVirtualHost {
  rejectUnsupported(
    vhost,
    path,
    [
      'name', 'domains', 'routes', 'request_headers_to_add', 'request_headers_to_remove', 'response_headers_to_add',
      'response_headers_to_remove', 'cors', 'retry_policy', 'typed_per_filter_config', 'include_request_attempt_count', 'metadata',
    ],
    { require_tls: 'NONE' },
  );
  if (vhost.domains.length === 0) fail(`${path}.domains`, 'at least one domain is required');
  const perFilter = compilePerFilterConfig(vhost.typed_per_filter_config, path);
  const retry = compileRetry(vhost.retry_policy, `${path}.retry_policy`);
  return {
    name: vhost.name,
    domains: vhost.domains,
    routes: vhost.routes.map((route, index) => compileRoute(route, `${path}.routes[${index}]`, clusters, retry)),
    mutations: compileMutations(vhost, path),
    cors: perFilter.cors ?? compileCors(vhost.cors, `${path}.cors`),
    retry,
    requireTls: String(vhost.require_tls) as CompiledVirtualHost['requireTls'],
    includeAttemptCount: vhost.include_request_attempt_count,
  };
}

function compileRoute(route: Route__Output, path: string, clusters: Set<string>, vhostRetry: RetryConfig | undefined): CompiledRoute {
  rejectUnsupported(route, path, [
    'match', 'route', 'redirect', 'direct_response', 'request_headers_to_add', 'request_headers_to_remove', 'response_headers_to_add',
    'response_headers_to_remove', 'typed_per_filter_config', 'name', 'metadata', 'decorator', 'action',
  ]);
  const match = compileRouteMatch(route.match, `${path}.match`);
  const perFilter = compilePerFilterConfig(route.typed_per_filter_config, path);
  let action: RouteActionConfig;
  let cors = perFilter.cors;
  switch (route.action) {
    case 'route':
      action = compileForward(route.route as RouteAction__Output, `${path}.route`, clusters, vhostRetry);
      cors ??= compileCors(route.route?.cors, `${path}.route.cors`);
      break;
    case 'redirect':
      action = compileRedirect(route.redirect as NonNullable<Route__Output['redirect']>, `${path}.redirect`);
      break;
    case 'direct_response': {
      const direct = route.direct_response as NonNullable<Route__Output['direct_response']>;
      rejectUnsupported(direct, `${path}.direct_response`, ['status', 'body']);
      const body = direct.body;
      if (body && body.specifier !== 'inline_string' && body.specifier !== 'inline_bytes') {
        fail(`${path}.direct_response.body`, 'only inline bodies are supported');
      }
      action = { kind: 'direct', status: direct.status, body: Buffer.from(body?.inline_string ?? body?.inline_bytes ?? '') };
      break;
    }
    default:
      return fail(path, `route action ${String(route.action)} is not supported`);
  }
  return {
    name: route.name,
    prefix: match.prefix,
    matches: match.matches,
    action,
    mutations: compileMutations(route, path),
    fault: perFilter.fault,
    cors,
    decorator: route.decorator?.operation ?? '',
  };
}

function compileForward(action: RouteAction__Output, path: string, clusters: Set<string>, vhostRetry: RetryConfig | undefined): ForwardAction {
  rejectUnsupported(
    action,
    path,
    [
      'cluster', 'cluster_header', 'weighted_clusters', 'prefix_rewrite', 'regex_rewrite', 'host_rewrite_literal', 'auto_host_rewrite',
      'timeout', 'idle_timeout', 'retry_policy', 'hash_policy', 'cors', 'request_mirror_policies', 'upgrade_configs',
      'cluster_not_found_response_code', 'max_grpc_timeout', 'cluster_specifier', 'host_rewrite_specifier',
    ],
    { priority: 'DEFAULT', internal_redirect_action: 'PASS_THROUGH_INTERNAL_REDIRECT' },
  );
  let weighted: ForwardAction['weighted'];
  switch (action.cluster_specifier) {
    case 'cluster':
      clusters.add(action.cluster ?? '');
      break;
    case 'cluster_header':
      break;
    case 'weighted_clusters': {
      const targets = (action.weighted_clusters?.clusters ?? []).map((target, index) => {
        const targetPath = `${path}.weighted_clusters.clusters[${index}]`;
        rejectUnsupported(target, targetPath, [
          'name', 'weight', 'request_headers_to_add', 'request_headers_to_remove', 'response_headers_to_add', 'response_headers_to_remove',
        ]);
        clusters.add(target.name);
        return { cluster: target.name, weight: wrapped(target.weight, 0), mutations: compileMutations(target, targetPath) };
      });
      const total = targets.reduce((sum, target) => sum + target.weight, 0);
      if (total === 0) fail(`${path}.weighted_clusters`, 'weights must add up to more than 0');
      weighted = { targets, total };
      break;
    }
    default:
      return fail(`${path}.cluster_specifier`, `${String(action.cluster_specifier)} is not supported`);
  }
  const hashPolicies: HashPolicyConfig[] = action.hash_policy.map((policy, index) => {
    const policyPath = `${path}.hash_policy[${index}]`;
    switch (policy.policy_specifier) {
      case 'header':
        return { kind: 'header', name: (policy.header?.header_name ?? '').toLowerCase(), terminal: policy.terminal };
      case 'cookie':
        return {
          kind: 'cookie',
          name: policy.cookie?.name ?? '',
          path: policy.cookie?.path ?? '',
          ttlMs: durationMs(policy.cookie?.ttl, -1),
          terminal: policy.terminal,
        };
      case 'connection_properties':
        if (!policy.connection_properties?.source_ip) fail(`${policyPath}.connection_properties.source_ip`, 'must be true');
        return { kind: 'source_ip', terminal: policy.terminal };
      default:
        return fail(policyPath, `hash policy ${String(policy.policy_specifier)} is not supported`);
    }
  });
  const upgrades = new Set<string>();
  action.upgrade_configs.forEach((upgrade) => {
    if (wrapped(upgrade.enabled, true)) upgrades.add(upgrade.upgrade_type.toLowerCase());
  });
  const mirrors = action.request_mirror_policies.map((mirror, index) => {
    const mirrorPath = `${path}.request_mirror_policies[${index}]`;
    rejectUnsupported(mirror, mirrorPath, ['cluster', 'runtime_fraction', 'trace_sampled']);
    clusters.add(mirror.cluster);
    return { cluster: mirror.cluster, fraction: fractionOf(mirror.runtime_fraction?.default_value, `${mirrorPath}.runtime_fraction`, 1) };
  });
  const notFound = NOT_FOUND_CODES[String(action.cluster_not_found_response_code)] ?? 503;
  return {
    kind: 'forward',
    cluster: action.cluster_specifier === 'cluster' ? action.cluster : undefined,
    clusterHeader: action.cluster_specifier === 'cluster_header' ? (action.cluster_header ?? '').toLowerCase() : undefined,
    weighted,
    prefixRewrite: action.prefix_rewrite || undefined,
    regexRewrite: compileSubstitution(action.regex_rewrite, `${path}.regex_rewrite`),
    hostRewrite: action.host_rewrite_literal || undefined,
    autoHostRewrite: wrapped(action.auto_host_rewrite, false),
    timeoutMs: durationMs(action.timeout, DEFAULT_ROUTE_TIMEOUT_MS),
    idleTimeoutMs: durationMs(action.idle_timeout, 0),
    retry: action.retry_policy ? compileRetry(action.retry_policy, `${path}.retry_policy`) : vhostRetry,
    hashPolicies,
    mirrors,
    upgrades,
    clusterNotFoundCode: notFound,
  };
}

function compileRedirect(redirect: NonNullable<Route__Output['redirect']>, path: string): RedirectActionConfig {
  rejectUnsupported(redirect, path, [
    'host_redirect', 'path_redirect', 'response_code', 'https_redirect', 'prefix_rewrite', 'strip_query', 'scheme_redirect', 'port_redirect',
    'scheme_rewrite_specifier', 'path_rewrite_specifier',
  ]);
  return {
    kind: 'redirect',
    scheme: redirect.https_redirect ? 'https' : redirect.scheme_redirect || undefined,
    host: redirect.host_redirect || undefined,
    port: redirect.port_redirect || undefined,
    path: redirect.path_redirect || undefined,
    prefixRewrite: redirect.prefix_rewrite || undefined,
    stripQuery: redirect.strip_query,
    code: REDIRECT_CODES[String(redirect.response_code)] ?? 301,
  };
}

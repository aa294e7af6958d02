import { checkRe2 } from '@isthmus/config-model';
import type { HTTPMatchRequest, HTTPRoute, HTTPRouteDestination, StringMatch } from '@isthmus/config-model';
import { EXTENSION_TYPE_NAMES } from '@isthmus/protos';
import type { HeaderMatcher, Route, RouteAction, StringMatcher } from '@isthmus/protos';
import { resolveShortName } from '../model/hostname';
import type { Proxy } from '../model/proxy';
import { Service, labelsMatch } from '../model/service';
import { destinationRuleFor, destinationRulesMatching } from '../push/queries';
import { effectivePolicy } from './cluster-policy';
import type { DeepReadonly, PushContext, VirtualServiceEntry } from '../push/push-context';
import { fractionalPercent, msDuration, pack, protoDuration } from './envoy-util';
import { outboundClusterName } from './names';

/** A problem found while generating (the affected route or match is skipped; everything else is served). */
export interface GenerationWarning {
  readonly resource: string;
  readonly message: string;
}

export interface RouteContext {
  readonly push: PushContext;
  readonly proxy: Proxy;
  /** Port of the listener the routes serve (used when a destination names no port). */
  readonly listenerPort: number;
  /** `mesh` for sidecars, `namespace/name` of the Gateway for routers. */
  readonly gateway: string;
  readonly warnings: GenerationWarning[];
}

/** The walkthrough documents a 15 s default route timeout. */
export const DEFAULT_ROUTE_TIMEOUT_MS = 15_000;
export const DEFAULT_RETRY_ON = 'connect-failure,refused-stream,unavailable,cancelled,resource-exhausted,retriable-status-codes';
export const FAULT_FILTER_NAME = 'envoy.filters.http.fault';

type ReadonlyHttpRoute = DeepReadonly<HTTPRoute>;

/** Every Envoy route for a VirtualService's HTTP rules, in order; a rule with several matches yields one route each. */
export function translateVirtualService(ctx: RouteContext, vs: VirtualServiceEntry): Route[] {
  const routes: Route[] = [];
  (vs.spec.http ?? []).forEach((rule, index) => {
    const where = `VirtualService ${vs.namespace}/${vs.name} http[${index}]`;
    const action = buildAction(ctx, vs, rule, where);
    const matches = rule.match && rule.match.length > 0 ? rule.match : [undefined];
    matches.forEach((match, matchIndex) => {
      if (match && !matchApplies(ctx, match)) return;
      const routeMatch = buildMatch(match, `${where}.match[${matchIndex}]`, ctx.warnings);
      if (!routeMatch) return;
      routes.push({ ...(rule.name ? { name: rule.name } : {}), match: routeMatch, ...action });
    });
  });
  return routes;
}

/** The route used when no VirtualService applies: everything to the service port's default cluster. */
export function defaultRoute(ctx: RouteContext, cluster: string, hostPort: string, hashPolicy?: RouteAction['hash_policy']): Route {
  return {
    name: 'default',
    match: { prefix: '/' },
    route: { cluster, ...timeoutFields(ctx, DEFAULT_ROUTE_TIMEOUT_MS), ...retryFields(ctx, undefined), ...(hashPolicy ? { hash_policy: hashPolicy } : {}) },
    decorator: { operation: `${hostPort}/*` },
  };
}

function matchApplies(ctx: RouteContext, match: DeepReadonly<HTTPMatchRequest>): boolean {
  if (match.port && match.port !== ctx.listenerPort) return false;
  if (match.sourceLabels && !labelsMatch(match.sourceLabels, ctx.proxy.labels)) return false;
  if (match.gateways && match.gateways.length > 0) {
    const wanted = match.gateways.map((gateway) => (gateway === 'mesh' || gateway.includes('/') ? gateway : gateway));
    if (!wanted.some((gateway) => gateway === ctx.gateway || ctx.gateway.endsWith(`/${gateway}`))) return false;
  }
  return true;
}

function stringMatcher(match: DeepReadonly<StringMatch>, where: string, warnings: GenerationWarning[], ignoreCase = false): StringMatcher | undefined {
  if (match.exact !== undefined) return { exact: match.exact, ...(ignoreCase ? { ignore_case: true } : {}) };
  if (match.prefix !== undefined) return { prefix: match.prefix, ...(ignoreCase ? { ignore_case: true } : {}) };
  if (match.regex !== undefined) {
    const problem = checkRe2(match.regex);
    if (problem) {
      warnings.push({ resource: where, message: `invalid regex ${JSON.stringify(match.regex)}: ${problem}; match skipped` });
      return undefined;
    }
    return { safe_regex: { regex: match.regex } };
  }
  return undefined;
}

function buildMatch(match: DeepReadonly<HTTPMatchRequest> | undefined, where: string, warnings: GenerationWarning[]): Route['match'] | undefined {
  if (!match) return { prefix: '/' };
  const out: NonNullable<Route['match']> = {};
  const uri = match.uri;
  if (uri?.exact !== undefined) out.path = uri.exact;
  else if (uri?.prefix !== undefined) out.prefix = uri.prefix;
  else if (uri?.regex !== undefined) {
    const matcher = stringMatcher(uri, `${where}.uri`, warnings);
    if (!matcher) return undefined;
    out.safe_regex = matcher.safe_regex;
  } else out.prefix = '/';
  if (match.ignoreUriCase) out.case_sensitive = { value: false };
  const headers: HeaderMatcher[] = [];
  const pseudo: [string, DeepReadonly<StringMatch> | undefined][] = [
    [':method', match.method],
    [':authority', match.authority],
    [':scheme', match.scheme],
  ];
  for (const [name, value] of [...pseudo, ...Object.entries(match.headers ?? {}).sort(([a], [b]) => a.localeCompare(b))]) {
    if (!value) continue;
    const matcher = stringMatcher(value, `${where}.headers[${name}]`, warnings);
    if (!matcher) return undefined;
    headers.push({ name, string_match: matcher });
  }
  if (headers.length > 0) out.headers = headers;
  const params = Object.entries(match.queryParams ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (params.length > 0) {
    const query: NonNullable<NonNullable<Route['match']>['query_parameters']> = [];
    for (const [name, value] of params) {
      const matcher = stringMatcher(value, `${where}.queryParams[${name}]`, warnings);
      if (!matcher) return undefined;
      query.push({ name, string_match: matcher });
    }
    out.query_parameters = query;
  }
  return out;
}

type Action = Omit<Route, 'match' | 'name'>;

function buildAction(ctx: RouteContext, vs: VirtualServiceEntry, rule: ReadonlyHttpRoute, where: string): Action {
  const action: Action = {};
  if (rule.redirect) {
    action.redirect = {
      ...(rule.redirect.uri ? { path_redirect: rule.redirect.uri } : {}),
      ...(rule.redirect.authority ? { host_redirect: rule.redirect.authority } : {}),
      response_code: REDIRECT_CODES[rule.redirect.redirectCode ?? 301] ?? 'MOVED_PERMANENTLY',
    };
  } else {
    const destinations = rule.route ?? [];
    const clusters = destinations.map((destination) => ({ destination, cluster: destinationCluster(ctx, vs, destination, where) }));
    const route: RouteAction = {};
    if (clusters.length === 1) route.cluster = clusters[0].cluster;
    else {
      route.weighted_clusters = {
        clusters: clusters.map(({ destination, cluster }) => ({
          name: cluster,
          weight: { value: destination.weight ?? 0 },
          ...headerOperations(destination.headers),
        })),
      };
    }
    const timeout = protoDuration(rule.timeout);
    Object.assign(route, timeoutFields(ctx, timeout ? timeout.seconds * 1000 + timeout.nanos / 1e6 : DEFAULT_ROUTE_TIMEOUT_MS));
    Object.assign(route, retryFields(ctx, rule.retries));
    if (rule.rewrite?.uri) route.prefix_rewrite = rule.rewrite.uri;
    if (rule.rewrite?.authority) route.host_rewrite_literal = rule.rewrite.authority;
    if (rule.mirror?.host) {
      route.request_mirror_policies = [
        {
          cluster: destinationCluster(ctx, vs, { destination: rule.mirror }, where),
          ...(rule.mirrorPercent !== undefined ? { runtime_fraction: { default_value: fractionalPercent(rule.mirrorPercent) } } : {}),
        },
      ];
    }
    if (rule.corsPolicy) route.cors = corsPolicy(rule.corsPolicy);
    const hashPolicy = consistentHashPolicy(ctx, vs, destinations[0]);
    if (hashPolicy) route.hash_policy = hashPolicy;
    action.route = route;
    if (clusters.length === 1) Object.assign(action, headerOperations(clusters[0].destination.headers));
  }
  Object.assign(action, headerOperations(rule.headers));
  const fault = faultConfig(rule.fault);
  if (fault) action.typed_per_filter_config = { [FAULT_FILTER_NAME]: pack(EXTENSION_TYPE_NAMES.fault, fault) };
  const first = rule.route?.[0]?.destination;
  if (first?.host) action.decorator = { operation: `${resolveShortName(first.host, vs.namespace, ctx.push.domain)}:${first.port?.number ?? ctx.listenerPort}/*` };
  return action;
}

const REDIRECT_CODES: Record<number, 'MOVED_PERMANENTLY' | 'FOUND' | 'SEE_OTHER' | 'TEMPORARY_REDIRECT' | 'PERMANENT_REDIRECT'> = {
  301: 'MOVED_PERMANENTLY',
  302: 'FOUND',
  303: 'SEE_OTHER',
  307: 'TEMPORARY_REDIRECT',
  308: 'PERMANENT_REDIRECT',
};

/** `outbound|port|subset|host`; the port defaults to the service's only port, else the listener port. */
export function destinationCluster(ctx: RouteContext, vs: VirtualServiceEntry, destination: DeepReadonly<Pick<HTTPRouteDestination, 'destination'>>, where: string): string {
  const target = destination.destination ?? {};
  const host = resolveShortName(target.host ?? '', vs.namespace, ctx.push.domain);
  const service = ctx.push.serviceByHost.get(host);
  const port = target.port?.number ?? (service && service.ports.length === 1 ? service.ports[0].port : ctx.listenerPort);
  const subset = target.subset ?? '';
  if (!service) ctx.warnings.push({ resource: where, message: `destination host ${host} is not a known service; requests to it fail with 503` });
  else if (subset && !hasSubset(ctx, vs, host, subset)) {
    ctx.warnings.push({ resource: where, message: `subset ${subset} of ${host} is not defined by any DestinationRule; requests to it fail with 503` });
  }
  return outboundClusterName(host, port, subset);
}

function hasSubset(ctx: RouteContext, _vs: VirtualServiceEntry, host: string, subset: string): boolean {
  return destinationRulesMatching(ctx.push, host).some((dr) => (dr.spec.subsets ?? []).some((s) => s.name === subset));
}

/** DestinationRule consistentHash of the (first) destination → the route's hash policy (RING_HASH needs one). */
function consistentHashPolicy(ctx: RouteContext, vs: VirtualServiceEntry, destination: DeepReadonly<HTTPRouteDestination> | undefined): RouteAction['hash_policy'] | undefined {
  const host = resolveShortName(destination?.destination?.host ?? '', vs.namespace, ctx.push.domain);
  const service = ctx.push.serviceByHost.get(host);
  if (!service) return undefined;
  const port = destination?.destination?.port?.number ?? (service.ports.length === 1 ? service.ports[0].port : ctx.listenerPort);
  return hashPolicyFor(ctx, service, port, destination?.destination?.subset);
}

export function hashPolicyFor(ctx: RouteContext, service: Service, port: number, subsetName?: string): RouteAction['hash_policy'] | undefined {
  const rule = destinationRuleFor(ctx.push, ctx.proxy.namespace, service);
  const subset = rule?.spec.subsets?.find((candidate) => candidate.name === subsetName);
  const hash = effectivePolicy([rule?.spec.trafficPolicy, subset?.trafficPolicy], port).loadBalancer?.consistentHash;
  if (!hash) return undefined;
  if (hash.httpHeaderName) return [{ header: { header_name: hash.httpHeaderName } }];
  if (hash.httpCookie?.name) {
    const ttl = protoDuration(hash.httpCookie.ttl);
    return [{ cookie: { name: hash.httpCookie.name, ...(hash.httpCookie.path ? { path: hash.httpCookie.path } : {}), ...(ttl ? { ttl } : {}) } }];
  }
  if (hash.useSourceIp) return [{ connection_properties: { source_ip: true } }];
  return undefined;
}

function timeoutFields(ctx: RouteContext, ms: number): Partial<RouteAction> {
  // gRPC clients read max_stream_duration; Envoy reads timeout (0 disables it).
  if (ctx.proxy.proxyless) return ms > 0 ? { max_stream_duration: { max_stream_duration: msDuration(ms) } } : {};
  return { timeout: msDuration(ms) };
}

/** Istio's retry policy: 2 attempts by default; `attempts: 0` disables retries; numeric retryOn entries are status codes. */
function retryFields(ctx: RouteContext, retries: DeepReadonly<HTTPRoute['retries']>): Partial<RouteAction> {
  if (retries && (retries.attempts ?? 0) === 0) return {};
  const attempts = retries?.attempts ?? 2;
  const conditions = (retries?.retryOn ?? DEFAULT_RETRY_ON).split(',').map((item) => item.trim()).filter(Boolean);
  const codes = conditions.filter((item) => /^\d+$/.test(item)).map(Number);
  let retryOn = conditions.filter((item) => !/^\d+$/.test(item));
  if (!retries?.retryOn) codes.push(503);
  if (codes.length > 0 && !retryOn.includes('retriable-status-codes')) retryOn = [...retryOn, 'retriable-status-codes'];
  if (ctx.proxy.proxyless) {
    // gRPC understands only gRPC status names.
    const grpcConditions = retryOn.filter((item) => ['cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable'].includes(item));
    if (grpcConditions.length === 0) return {};
    return { retry_policy: { retry_on: grpcConditions.join(','), num_retries: { value: attempts } } };
  }
  const perTry = protoDuration(retries?.perTryTimeout);
  return {
    retry_policy: {
      retry_on: retryOn.join(','),
      num_retries: { value: attempts },
      ...(perTry ? { per_try_timeout: perTry } : {}),
      ...(codes.length > 0 ? { retriable_status_codes: [...new Set(codes)] } : {}),
    },
  };
}

function headerOperations(headers: DeepReadonly<HTTPRoute['headers']>): Partial<Route> {
  if (!headers) return {};
  const toAdd = (set?: Readonly<Record<string, string>>, add?: Readonly<Record<string, string>>) => [
    ...Object.entries(set ?? {}).map(([key, value]) => ({ header: { key, value }, append_action: 'OVERWRITE_IF_EXISTS_OR_ADD' as const })),
    ...Object.entries(add ?? {}).map(([key, value]) => ({ header: { key, value }, append_action: 'APPEND_IF_EXISTS_OR_ADD' as const })),
  ];
  const out: Partial<Route> = {};
  const request = toAdd(headers.request?.set, headers.request?.add);
  const response = toAdd(headers.response?.set, headers.response?.add);
  if (request.length > 0) out.request_headers_to_add = request;
  if (response.length > 0) out.response_headers_to_add = response;
  if (headers.request?.remove?.length) out.request_headers_to_remove = [...headers.request.remove];
  if (headers.response?.remove?.length) out.response_headers_to_remove = [...headers.response.remove];
  return out;
}

function faultConfig(fault: DeepReadonly<HTTPRoute['fault']>): Record<string, unknown> | undefined {
  if (!fault || (!fault.delay && !fault.abort)) return undefined;
  const out: Record<string, unknown> = {};
  if (fault.delay) {
    const percent = fault.delay.percentage?.value ?? fault.delay.percent ?? 100;
    const delay = protoDuration(fault.delay.fixedDelay ?? fault.delay.exponentialDelay);
    if (delay) out.delay = { fixed_delay: delay, percentage: fractionalPercent(percent) };
  }
  if (fault.abort) {
    const percent = fault.abort.percentage?.value ?? fault.abort.percent ?? 100;
    if (fault.abort.httpStatus) out.abort = { http_status: fault.abort.httpStatus, percentage: fractionalPercent(percent) };
    else if (fault.abort.grpcStatus) out.abort = { grpc_status: GRPC_CODES[fault.abort.grpcStatus.toUpperCase()] ?? (Number(fault.abort.grpcStatus) || 2), percentage: fractionalPercent(percent) };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const GRPC_CODES: Record<string, number> = {
  OK: 0, CANCELLED: 1, UNKNOWN: 2, INVALID_ARGUMENT: 3, DEADLINE_EXCEEDED: 4, NOT_FOUND: 5, ALREADY_EXISTS: 6, PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8, FAILED_PRECONDITION: 9, ABORTED: 10, OUT_OF_RANGE: 11, UNIMPLEMENTED: 12, INTERNAL: 13, UNAVAILABLE: 14, DATA_LOSS: 15, UNAUTHENTICATED: 16,
};

function corsPolicy(cors: DeepReadonly<NonNullable<HTTPRoute['corsPolicy']>>): RouteAction['cors'] {
  const maxAge = protoDuration(cors.maxAge);
  return {
    allow_origin_string_match: (cors.allowOrigin ?? []).map((origin) => (origin === '*' ? { prefix: '' } : { exact: origin })),
    ...(cors.allowMethods ? { allow_methods: cors.allowMethods.join(',') } : {}),
    ...(cors.allowHeaders ? { allow_headers: cors.allowHeaders.join(',') } : {}),
    ...(cors.exposeHeaders ? { expose_headers: cors.exposeHeaders.join(',') } : {}),
    ...(maxAge ? { max_age: `${maxAge.seconds}` } : {}),
    ...(cors.allowCredentials !== undefined ? { allow_credentials: { value: cors.allowCredentials } } : {}),
  };
}

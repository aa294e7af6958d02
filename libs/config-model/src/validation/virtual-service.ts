/** Semantic rules for VirtualService (Istio 1.3's validateVirtualService, and stricter where noted). */
import { parseDuration } from '@isthmus/runtime';
import {
  CorsPolicy,
  Destination,
  Headers,
  HTTPFaultInjection,
  HTTPMatchRequest,
  HTTPRetry,
  HTTPRoute,
  RouteDestination,
  TCPRoute,
  TLSRoute,
  VirtualService,
} from '../types/virtual-service';
import {
  checkExportTo,
  checkGatewayName,
  checkHost,
  checkIPOrCIDR,
  checkLabels,
  checkPositiveDuration,
  checkStringMatch,
  durationMs,
  hostProblem,
  HTTP_METHODS,
  isDns1123Label,
  isIP,
} from './common';
import { child, item, key, Reporter } from './problems';
import { ValidationContext } from './context';

const RETRY_ON = new Set([
  '5xx', 'gateway-error', 'reset', 'connect-failure', 'retriable-4xx', 'refused-stream', 'retriable-status-codes',
  'retriable-headers', 'cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable',
]);
const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function validateVirtualService(spec: VirtualService, r: Reporter, _ctx: ValidationContext): void {
  const hosts = spec.hosts ?? [];
  const gateways = spec.gateways ?? [];
  if (hosts.length === 0) r.error('spec.hosts', 'at least one host is required');
  const appliesToMesh = gateways.length === 0 || gateways.includes('mesh');
  const seen = new Set<string>();
  hosts.forEach((host, index) => {
    const path = item('spec.hosts', index);
    if (!isIP(host)) checkHost(host, path, r);
    if (host === '*' && appliesToMesh) r.error(path, 'wildcard host "*" is not allowed for virtual services bound to the mesh (list gateways, or use specific hosts)');
    if (seen.has(host)) r.warning(path, `duplicate host ${JSON.stringify(host)}`);
    seen.add(host);
  });
  gateways.forEach((gateway, index) => checkGatewayName(gateway, item('spec.gateways', index), r));
  checkExportTo(spec.exportTo, 'spec.exportTo', r);
  const http = spec.http ?? [];
  const tls = spec.tls ?? [];
  const tcp = spec.tcp ?? [];
  if (http.length + tls.length + tcp.length === 0) r.error('spec', 'at least one of http, tls or tcp routes is required');
  http.forEach((route, index) => validateHTTPRoute(route, item('spec.http', index), r));
  tls.forEach((route, index) => validateTLSRoute(route, item('spec.tls', index), hosts, r));
  tcp.forEach((route, index) => validateTCPRoute(route, item('spec.tcp', index), r));
}

export function validateDestination(destination: Destination | undefined, path: string, r: Reporter): void {
  if (!destination) {
    r.error(path, 'destination is required');
    return;
  }
  if (destination.host === undefined || destination.host === '') r.error(child(path, 'host'), 'destination host is required');
  else {
    const problem = hostProblem(destination.host, { allowWildcard: false });
    if (problem) r.error(child(path, 'host'), problem);
  }
  if (destination.subset !== undefined && !isDns1123Label(destination.subset)) {
    r.error(child(path, 'subset'), `invalid subset name ${JSON.stringify(destination.subset)}: must be a DNS-1123 label`);
  }
  if (destination.port?.name !== undefined && destination.port.name === '') r.error(child(path, 'port.name'), 'port name must not be empty');
}

function validateWeights(routes: readonly { readonly weight?: number }[], path: string, r: Reporter): void {
  if (routes.length > 1) {
    const total = routes.reduce((sum, route) => sum + (route.weight ?? 0), 0);
    if (total !== 100) r.error(path, `weights of the ${routes.length} destinations sum to ${total}, must be 100`);
  } else if (routes.length === 1 && routes[0].weight !== undefined && routes[0].weight !== 0 && routes[0].weight !== 100) {
    r.warning(child(item(path, 0), 'weight'), `a single destination receives 100% of traffic; weight ${routes[0].weight} is ignored`);
  }
}

function validateHTTPRoute(route: HTTPRoute, path: string, r: Reporter): void {
  const destinations = route.route ?? [];
  if (route.redirect !== undefined && destinations.length > 0) r.error(path, 'a route cannot have both route and redirect');
  if (route.redirect === undefined && destinations.length === 0) r.error(path, 'route or redirect is required');
  if (route.redirect !== undefined && route.rewrite !== undefined) r.error(child(path, 'rewrite'), 'rewrite cannot be used with redirect');
  if (route.redirect !== undefined && route.fault !== undefined) r.error(child(path, 'fault'), 'fault cannot be used with redirect');
  (route.match ?? []).forEach((match, index) => validateHTTPMatch(match, item(child(path, 'match'), index), r));
  destinations.forEach((destination, index) => {
    const destinationPath = item(child(path, 'route'), index);
    validateDestination(destination.destination, child(destinationPath, 'destination'), r);
    validateHeaders(destination.headers, child(destinationPath, 'headers'), r);
  });
  validateWeights(destinations, child(path, 'route'), r);
  if (route.redirect) {
    const redirect = route.redirect;
    if (!redirect.uri && !redirect.authority) r.error(child(path, 'redirect'), 'redirect must set uri or authority');
    if (redirect.redirectCode !== undefined && !REDIRECT_CODES.has(redirect.redirectCode)) {
      r.error(child(path, 'redirect.redirectCode'), `redirect code ${redirect.redirectCode} is not one of 301, 302, 303, 307, 308`);
    }
  }
  if (route.rewrite && !route.rewrite.uri && !route.rewrite.authority) r.error(child(path, 'rewrite'), 'rewrite must set uri or authority');
  if (route.timeout !== undefined && durationMs(route.timeout) === undefined) r.error(child(path, 'timeout'), 'invalid timeout');
  if (route.retries) validateRetries(route.retries, child(path, 'retries'), route.timeout, r);
  if (route.fault) validateFault(route.fault, child(path, 'fault'), r);
  if (route.mirror) validateDestination(route.mirror, child(path, 'mirror'), r);
  if (route.mirrorPercent !== undefined && !route.mirror) r.warning(child(path, 'mirrorPercent'), 'mirrorPercent has no effect without mirror');
  if (route.corsPolicy) validateCors(route.corsPolicy, child(path, 'corsPolicy'), r);
  validateHeaders(route.headers, child(path, 'headers'), r);
  for (const field of ['appendHeaders', 'appendRequestHeaders', 'appendResponseHeaders'] as const) {
    for (const name of Object.keys(route[field] ?? {})) checkHeaderName(name, key(child(path, field), name), r);
  }
}

function validateHTTPMatch(match: HTTPMatchRequest, path: string, r: Reporter): void {
  for (const field of ['uri', 'scheme', 'method', 'authority'] as const) {
    const value = match[field];
    if (value) checkStringMatch(value, child(path, field), r);
  }
  if (match.uri?.prefix !== undefined && !match.uri.prefix.startsWith('/')) r.warning(child(path, 'uri.prefix'), `URI prefix ${JSON.stringify(match.uri.prefix)} does not start with "/"`);
  if (match.method?.exact !== undefined && !HTTP_METHODS.includes(match.method.exact)) {
    r.warning(child(path, 'method.exact'), `${JSON.stringify(match.method.exact)} is not a standard HTTP method`);
  }
  for (const [name, value] of Object.entries(match.headers ?? {})) {
    const headerPath = key(child(path, 'headers'), name);
    checkHeaderName(name, headerPath, r);
    if (name !== name.toLowerCase()) r.warning(headerPath, `header names are matched in lower case; use ${JSON.stringify(name.toLowerCase())}`);
    checkStringMatch(value, headerPath, r);
  }
  for (const [name, value] of Object.entries(match.queryParams ?? {})) {
    const paramPath = key(child(path, 'queryParams'), name);
    checkStringMatch(value, paramPath, r);
    if (value.prefix !== undefined) r.error(child(paramPath, 'prefix'), 'query parameters support exact and regex matches only');
  }
  checkLabels(match.sourceLabels, child(path, 'sourceLabels'), r);
  (match.gateways ?? []).forEach((gateway, index) => checkGatewayName(gateway, item(child(path, 'gateways'), index), r));
}

function validateRetries(retries: HTTPRetry, path: string, timeout: string | undefined, r: Reporter): void {
  checkPositiveDuration(retries.perTryTimeout, child(path, 'perTryTimeout'), r);
  if (retries.retryOn !== undefined) {
    retries.retryOn.split(',').forEach((condition) => {
      const trimmed = condition.trim();
      if (trimmed === '') return;
      const isStatus = /^\d{3}$/.test(trimmed) && Number(trimmed) >= 100 && Number(trimmed) <= 599;
      if (!isStatus && !RETRY_ON.has(trimmed)) {
        r.error(child(path, 'retryOn'), `${JSON.stringify(trimmed)} is not a retry condition (${[...RETRY_ON].join(', ')}) or an HTTP status code`);
      }
    });
  }
  const perTry = durationMs(retries.perTryTimeout);
  const overall = durationMs(timeout);
  if (perTry !== undefined && overall !== undefined && overall > 0 && perTry > overall) {
    r.warning(child(path, 'perTryTimeout'), `perTryTimeout ${retries.perTryTimeout} exceeds the route timeout ${timeout}`);
  }
}

function validateFault(fault: HTTPFaultInjection, path: string, r: Reporter): void {
  if (!fault.delay && !fault.abort) r.error(path, 'fault must set delay or abort');
  if (fault.delay) {
    const delayPath = child(path, 'delay');
    if (fault.delay.exponentialDelay !== undefined) r.error(child(delayPath, 'exponentialDelay'), 'exponentialDelay is not supported; use fixedDelay');
    else if (fault.delay.fixedDelay === undefined) r.error(delayPath, 'fixedDelay is required');
    checkPositiveDuration(fault.delay.fixedDelay, child(delayPath, 'fixedDelay'), r);
  }
  if (fault.abort) {
    const abortPath = child(path, 'abort');
    if (fault.abort.grpcStatus !== undefined) r.error(child(abortPath, 'grpcStatus'), 'grpcStatus aborts are not supported in Istio 1.3; use httpStatus');
    if (fault.abort.http2Error !== undefined) r.error(child(abortPath, 'http2Error'), 'http2Error aborts are not supported in Istio 1.3; use httpStatus');
    const status = fault.abort.httpStatus;
    if (status === undefined && fault.abort.grpcStatus === undefined && fault.abort.http2Error === undefined) r.error(abortPath, 'httpStatus is required');
    if (status !== undefined && (status < 200 || status > 599)) r.error(child(abortPath, 'httpStatus'), `HTTP status ${status} must be between 200 and 599`);
  }
}

function validateCors(cors: CorsPolicy, path: string, r: Reporter): void {
  (cors.allowMethods ?? []).forEach((method, index) => {
    if (!HTTP_METHODS.includes(method)) r.error(item(child(path, 'allowMethods'), index), `${JSON.stringify(method)} is not an HTTP method (${HTTP_METHODS.join(', ')})`);
  });
  for (const field of ['allowHeaders', 'exposeHeaders'] as const) {
    (cors[field] ?? []).forEach((name, index) => checkHeaderName(name, item(child(path, field), index), r));
  }
  if (cors.maxAge !== undefined) {
    const parsed = parseDuration(cors.maxAge);
    if (parsed.ok && parsed.ms % 1000 !== 0) r.error(child(path, 'maxAge'), 'maxAge must be a whole number of seconds');
  }
}

function validateHeaders(headers: Headers | undefined, path: string, r: Reporter): void {
  for (const side of ['request', 'response'] as const) {
    const operations = headers?.[side];
    if (!operations) continue;
    const sidePath = child(path, side);
    for (const field of ['set', 'add'] as const) {
      for (const name of Object.keys(operations[field] ?? {})) checkHeaderName(name, key(child(sidePath, field), name), r);
    }
    (operations.remove ?? []).forEach((name, index) => checkHeaderName(name, item(child(sidePath, 'remove'), index), r));
  }
}

function checkHeaderName(name: string, path: string, r: Reporter): void {
  if (name.startsWith(':')) r.error(path, `pseudo-header ${JSON.stringify(name)} cannot be used here`);
  else if (!HEADER_NAME.test(name)) r.error(path, `invalid header name ${JSON.stringify(name)}`);
}

function validateRouteDestinations(routes: readonly RouteDestination[], path: string, r: Reporter): void {
  if (routes.length === 0) r.error(path, 'at least one route destination is required');
  routes.forEach((route, index) => validateDestination(route.destination, child(item(path, index), 'destination'), r));
  validateWeights(routes, path, r);
}

function validateTLSRoute(route: TLSRoute, path: string, vsHosts: readonly string[], r: Reporter): void {
  const matches = route.match ?? [];
  if (matches.length === 0) r.error(child(path, 'match'), 'a TLS route needs at least one match (with sniHosts)');
  matches.forEach((match, index) => {
    const matchPath = item(child(path, 'match'), index);
    const sniHosts = match.sniHosts ?? [];
    if (sniHosts.length === 0) r.error(child(matchPath, 'sniHosts'), 'at least one SNI host is required');
    sniHosts.forEach((sni, sniIndex) => {
      const sniPath = item(child(matchPath, 'sniHosts'), sniIndex);
      checkHost(sni, sniPath, r);
      if (!vsHosts.some((host) => hostCovers(host, sni))) r.error(sniPath, `SNI host ${JSON.stringify(sni)} is not covered by any of the virtual service hosts`);
    });
    (match.destinationSubnets ?? []).forEach((subnet, subnetIndex) => checkIPOrCIDR(subnet, item(child(matchPath, 'destinationSubnets'), subnetIndex), r));
    if (match.sourceSubnet !== undefined) checkIPOrCIDR(match.sourceSubnet, child(matchPath, 'sourceSubnet'), r);
    checkLabels(match.sourceLabels, child(matchPath, 'sourceLabels'), r);
    (match.gateways ?? []).forEach((gateway, gatewayIndex) => checkGatewayName(gateway, item(child(matchPath, 'gateways'), gatewayIndex), r));
  });
  validateRouteDestinations(route.route ?? [], child(path, 'route'), r);
}

function validateTCPRoute(route: TCPRoute, path: string, r: Reporter): void {
  (route.match ?? []).forEach((match, index) => {
    const matchPath = item(child(path, 'match'), index);
    (match.destinationSubnets ?? []).forEach((subnet, subnetIndex) => checkIPOrCIDR(subnet, item(child(matchPath, 'destinationSubnets'), subnetIndex), r));
    if (match.sourceSubnet !== undefined) checkIPOrCIDR(match.sourceSubnet, child(matchPath, 'sourceSubnet'), r);
    checkLabels(match.sourceLabels, child(matchPath, 'sourceLabels'), r);
    (match.gateways ?? []).forEach((gateway, gatewayIndex) => checkGatewayName(gateway, item(child(matchPath, 'gateways'), gatewayIndex), r));
  });
  validateRouteDestinations(route.route ?? [], child(path, 'route'), r);
}

/** Whether host pattern `pattern` (possibly `*.x`) includes `host` (possibly `*.y.x`). */
export function hostCovers(pattern: string, host: string): boolean {
  if (pattern === '*' || pattern === host) return true;
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(1);
    return host.endsWith(suffix) && host.length > suffix.length;
  }
  return false;
}

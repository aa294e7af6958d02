import type { OutgoingHttpHeaders } from 'node:http';
import { rbacAllows, type RbacConfig, type RbacRequest } from '../config/rbac-config';
import type { CompiledRoute, CompiledVirtualHost, CorsConfig, FaultConfig, RedirectActionConfig, RequestView, RouteTable } from '../config/types';
import { Exchange } from './exchange';
import { forward } from './forwarder';
import { LocalReplyBody, ResponseFlag } from './local-reply';
import type { DownstreamRequest, DownstreamResponse, HttpContext } from './types';

/**
 * The HTTP filter chain for one request, in Envoy's order: route selection, CORS, fault injection, then the router
 * (redirect, direct response or forwarding). Route tables are compiled; this only walks them.
 */
export function handleRequest(context: HttpContext, request: DownstreamRequest, response: DownstreamResponse): void {
  const exchange = new Exchange(context, request, response);
  const rbac = context.config.rbac;
  if (rbac && !checkRbac(exchange, rbac)) {
    drainThen(request, () => exchange.localReply(403, 'RBAC: access denied'));
    return;
  }
  const table = context.routes();
  const view: RequestView = { method: request.method ?? 'GET', path: exchange.path, pathOnly: exchange.pathOnly, query: exchange.query, headers: request.headers };
  const selected = table && selectRoute(table, exchange.authority, view);
  if (!table || !selected) {
    context.stats.noRoute.value++;
    exchange.addFlag(ResponseFlag.noRoute);
    drainThen(request, () => exchange.localReply(404, ''));
    return;
  }
  const { virtualHost, route } = selected;
  exchange.route = route;
  exchange.virtualHost = virtualHost;
  exchange.responseMutations = [route.mutations, virtualHost.mutations, table.mutations];

  const filters = context.config.filters;
  if (filters.includes('cors')) {
    const cors = route.cors ?? virtualHost.cors;
    if (cors && applyCors(exchange, cors)) return;
  }
  const fault = filters.includes('fault') ? (route.fault ?? context.config.fault) : undefined;
  if (fault && fault.headers.every((matches) => matches(request.headers))) {
    const abort = fault.abortFraction > 0 && Math.random() < fault.abortFraction;
    const delay = fault.delayMs > 0 && fault.delayFraction > 0 && Math.random() < fault.delayFraction;
    if (delay) {
      context.stats.faultDelays.value++;
      exchange.addFlag(ResponseFlag.delayInjected);
      const timer = setTimeout(() => continueAfterDelay(exchange, route, abort ? fault : undefined), fault.delayMs);
      response.once('close', () => clearTimeout(timer));
      return;
    }
    if (abort) {
      injectAbort(exchange, fault);
      return;
    }
  }
  runAction(exchange, route);
}

/** Envoy's route selection: the virtual host for the authority, then the first of its routes that matches. */
export function selectRoute(table: RouteTable, authority: string, view: RequestView): { virtualHost: CompiledVirtualHost; route: CompiledRoute } | undefined {
  const virtualHost = table.selectHost(authority);
  if (!virtualHost) return undefined;
  for (const route of virtualHost.routes) if (route.matches(view)) return { virtualHost, route };
  return undefined;
}

function continueAfterDelay(exchange: Exchange, route: CompiledRoute, abort: FaultConfig | undefined): void {
  if (exchange.response.destroyed) return;
  if (abort) injectAbort(exchange, abort);
  else runAction(exchange, route);
}

function injectAbort(exchange: Exchange, fault: FaultConfig): void {
  exchange.context.stats.faultAborts.value++;
  exchange.addFlag(ResponseFlag.faultInjected);
  const grpc = fault.abortGrpcStatus >= 0 ? fault.abortGrpcStatus : undefined;
  drainThen(exchange.request, () => exchange.localReply(fault.abortHttpStatus || 200, LocalReplyBody.faultAbort, undefined, grpc));
}

function runAction(exchange: Exchange, route: CompiledRoute): void {
  const action = route.action;
  switch (action.kind) {
    case 'direct':
      exchange.context.stats.rqDirectResponse.value++;
      drainThen(exchange.request, () => exchange.localReply(action.status, action.body));
      return;
    case 'redirect':
      exchange.context.stats.rqRedirect.value++;
      drainThen(exchange.request, () => exchange.localReply(action.code, '', { location: redirectLocation(exchange, route, action) }));
      return;
    default:
      forward(exchange, route, action);
  }
}

function redirectLocation(exchange: Exchange, route: CompiledRoute, action: RedirectActionConfig): string {
  const scheme = action.scheme ?? (exchange.connection.tls ? 'https' : 'http');
  let host = action.host ?? exchange.authority;
  if (action.port) host = `${host.replace(/:\d+$/, '')}:${action.port}`;
  else if (action.scheme && action.scheme !== (exchange.connection.tls ? 'https' : 'http')) host = host.replace(/:\d+$/, '');
  let path = exchange.pathOnly;
  if (action.path !== undefined) path = action.path;
  else if (action.prefixRewrite !== undefined && route.prefix !== undefined) path = action.prefixRewrite + path.slice(route.prefix.length);
  const query = action.stripQuery || !exchange.query || (action.path ?? '').includes('?') ? '' : `?${exchange.query}`;
  return `${scheme}://${host}${path}${query}`;
}

/** CORS: answers preflights itself and adds allow headers to actual requests. Returns true when it replied. */
function applyCors(exchange: Exchange, cors: CorsConfig): boolean {
  const origin = exchange.request.headers.origin;
  if (typeof origin !== 'string' || !cors.allowOrigin.some((matches) => matches(origin))) return false;
  const headers: OutgoingHttpHeaders = { 'access-control-allow-origin': origin };
  if (cors.allowCredentials) headers['access-control-allow-credentials'] = 'true';
  const isPreflight = exchange.request.method === 'OPTIONS' && exchange.request.headers['access-control-request-method'] !== undefined;
  if (isPreflight) {
    exchange.context.stats.corsPreflight.value++;
    if (cors.allowMethods) headers['access-control-allow-methods'] = cors.allowMethods;
    if (cors.allowHeaders) headers['access-control-allow-headers'] = cors.allowHeaders;
    if (cors.maxAge) headers['access-control-max-age'] = cors.maxAge;
    drainThen(exchange.request, () => exchange.localReply(200, '', headers));
    return true;
  }
  if (cors.exposeHeaders) headers['access-control-expose-headers'] = cors.exposeHeaders;
  exchange.extraResponseHeaders = { ...exchange.extraResponseHeaders, ...headers };
  return false;
}

/** Envoy's RBAC filter: shadow rules only count; enforced rules deny with 403. */
function checkRbac(exchange: Exchange, rbac: RbacConfig): boolean {
  const connection = exchange.connection;
  const local = connection.originalDst;
  const request: RbacRequest = {
    headers: exchange.request.headers,
    path: exchange.pathOnly,
    destinationPort: local?.port ?? exchange.request.socket.localPort ?? 0,
    destinationAddress: local?.address ?? exchange.request.socket.localAddress ?? '',
    sourceAddress: connection.remoteAddress,
    serverName: connection.serverName,
    principal: connection.principal ?? '',
  };
  const stats = exchange.context.stats;
  if (rbac.shadow) {
    if (rbacAllows(rbac.shadow, request)) stats.rbacShadowAllowed.value++;
    else stats.rbacShadowDenied.value++;
  }
  const allowed = rbacAllows(rbac, request);
  if (allowed) stats.rbacAllowed.value++;
  else stats.rbacDenied.value++;
  return allowed;
}

/** Replies only after the request body has been read, so keep-alive connections stay usable. */
function drainThen(request: DownstreamRequest, reply: () => void): void {
  if (request.readableEnded || request.complete) {
    reply();
    return;
  }
  request.resume();
  request.once('end', reply);
}

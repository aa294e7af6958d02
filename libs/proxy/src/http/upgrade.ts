import type { Duplex } from 'node:stream';
import type { RequestView } from '../config/types';
import { closingResponse, serializeRequestHead } from '../codec/http1-serialize';
import { copyRequestHeaders } from './headers';
import type { Http1IncomingRequest } from './http1-downstream';
import { selectRoute } from './router';
import type { HttpContext } from './types';

/**
 * HTTP/1.1 upgrades (WebSocket): route the request, check the upgrade is enabled on the HCM or the route, open a
 * connection to the chosen host, replay the (rewritten) request head and then splice both directions.
 */
export function handleUpgrade(context: HttpContext, request: Http1IncomingRequest, socket: Duplex, head: Buffer): void {
  const upgrade = String(request.headers.upgrade ?? '').toLowerCase();
  const url = request.url ?? '/';
  const question = url.indexOf('?');
  const view: RequestView = {
    method: request.method ?? 'GET',
    path: url,
    pathOnly: question < 0 ? url : url.slice(0, question),
    query: question < 0 ? '' : url.slice(question + 1),
    headers: request.headers,
  };
  const table = context.routes();
  const route = table && selectRoute(table, String(request.headers.host ?? ''), view)?.route;
  const reject = (status: number) => socket.end(closingResponse(status, { server: context.config.serverName }), 'latin1');
  if (!route) {
    context.stats.noRoute.value++;
    reject(404);
    return;
  }
  const action = route.action;
  if (action.kind !== 'forward' || !(context.config.upgrades.has(upgrade) || action.upgrades.has(upgrade))) {
    reject(403);
    return;
  }
  const clusterName = action.cluster ?? action.weighted?.targets[0]?.cluster;
  const cluster = clusterName ? context.clusters.get(clusterName) : undefined;
  const host = cluster?.chooseHost(undefined);
  if (!cluster || !host) {
    reject(503);
    return;
  }
  context.stats.cxUpgradesTotal.value++;
  const headers = copyRequestHeaders(request.headers);
  headers.host = action.hostRewrite ?? request.headers.host;
  let path = url;
  if (action.prefixRewrite !== undefined && route.prefix !== undefined) path = action.prefixRewrite + url.slice(route.prefix.length);
  let upstreamHead: string;
  try {
    upstreamHead = serializeRequestHead(request.method ?? 'GET', path, { ...headers, connection: 'upgrade', upgrade: request.headers.upgrade });
  } catch {
    reject(503);
    return;
  }
  const tls = cluster.config.tls;
  const upstream = cluster.http1.connect(host);
  upstream.once(tls ? 'secureConnect' : 'connect', () => {
    upstream.write(upstreamHead, 'latin1');
    if (head.length > 0) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  upstream.on('error', () => {
    if (!upstream.readyState || upstream.readyState === 'opening') reject(503);
    else socket.destroy();
  });
  socket.on('error', () => upstream.destroy());
  socket.once('close', () => upstream.destroy());
  upstream.once('close', () => socket.destroy());
}

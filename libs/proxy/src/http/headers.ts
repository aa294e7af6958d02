import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { HeaderMutations, HeaderOperation } from '../config/types';

/** Hop-by-hop headers a proxy never forwards (plus HTTP/2-forbidden connection headers). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'http2-settings']);

/** Copies downstream request headers for the upstream request, dropping pseudo and hop-by-hop headers. */
export function copyRequestHeaders(headers: IncomingHttpHeaders, keepTeTrailers = true): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const name in headers) {
    if (name.charCodeAt(0) === 58 /* ':' */ || HOP_BY_HOP.has(name)) continue;
    out[name] = headers[name];
  }
  const te = headers['te'];
  // gRPC needs "te: trailers" end to end.
  if (keepTeTrailers && te === 'trailers') out['te'] = 'trailers';
  return out;
}

/** Copies upstream response headers for the downstream response. */
export function copyResponseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const name in headers) {
    if (name.charCodeAt(0) === 58 || HOP_BY_HOP.has(name)) continue;
    out[name] = headers[name];
  }
  return out;
}

function applyOperation(headers: OutgoingHttpHeaders, operation: HeaderOperation): void {
  const existing = headers[operation.name];
  if (!operation.append || existing === undefined) {
    headers[operation.name] = operation.value;
    return;
  }
  headers[operation.name] = Array.isArray(existing) ? [...existing, operation.value] : [String(existing), operation.value];
}

/** Applies request-side mutations, most specific last (Envoy order: weighted cluster, route, vhost, route table). */
export function mutateRequest(headers: OutgoingHttpHeaders, layers: readonly HeaderMutations[]): void {
  for (const layer of layers) {
    for (const name of layer.requestRemove) delete headers[name];
    for (const operation of layer.requestAdd) applyOperation(headers, operation);
  }
}

export function mutateResponse(headers: OutgoingHttpHeaders, layers: readonly HeaderMutations[]): void {
  for (const layer of layers) {
    for (const name of layer.responseRemove) delete headers[name];
    for (const operation of layer.responseAdd) applyOperation(headers, operation);
  }
}

export function newRequestId(): string {
  return randomUUID();
}

/** B3 propagation: keep the trace id, start a child span, and make a sampling decision if none was made upstream. */
export function propagateB3(headers: OutgoingHttpHeaders, sampling: number): void {
  const parentSpan = headers['x-b3-spanid'];
  if (!headers['x-b3-traceid']) headers['x-b3-traceid'] = randomBytes(8).toString('hex');
  if (parentSpan) headers['x-b3-parentspanid'] = parentSpan;
  headers['x-b3-spanid'] = randomBytes(8).toString('hex');
  if (headers['x-b3-sampled'] === undefined) headers['x-b3-sampled'] = Math.random() < sampling ? '1' : '0';
}

/** Parses a gRPC timeout header (`10S`, `500m`, ...) into milliseconds; undefined when absent or malformed. */
export function parseGrpcTimeout(value: string | string[] | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{1,8})([HMSmun])$/.exec(value);
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit: Record<string, number> = { H: 3_600_000, M: 60_000, S: 1000, m: 1, u: 0.001, n: 0.000001 };
  return Math.ceil(amount * unit[match[2]]);
}

import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { ForwardAction, CompiledRoute, HeaderMutations, RetryConfig } from '../config/types';
import type { ClusterRuntime } from '../upstream/cluster';
import type { Host } from '../upstream/host';
import { hashString } from '../upstream/load-balancer';
import { BodyBuffer } from './body-buffer';
import type { Exchange } from './exchange';
import { copyRequestHeaders, copyResponseHeaders, mutateRequest, newRequestId, parseGrpcTimeout, propagateB3 } from './headers';
import { LocalReplyBody, ResponseFlag } from './local-reply';
import { sendHttp1, sendHttp2, sendMirror, type Attempt, type AttemptFailure, type UpstreamStream } from './upstream-request';

/**
 * The router filter's upstream half: picks the cluster and host, applies circuit breakers, sends the request over the
 * cluster's keep-alive pool (HTTP/1.1 or HTTP/2), enforces route and per-try timeouts, retries per the retry policy
 * with jittered backoff, mirrors, and streams the response (with trailers) back.
 */
export function forward(exchange: Exchange, route: CompiledRoute, action: ForwardAction): void {
  const { request, context } = exchange;
  let clusterName = action.cluster;
  let targetMutations: HeaderMutations | undefined;
  if (action.weighted) {
    let point = Math.random() * action.weighted.total;
    for (const target of action.weighted.targets) {
      point -= target.weight;
      if (point < 0) {
        clusterName = target.cluster;
        targetMutations = target.mutations;
        break;
      }
    }
  } else if (action.clusterHeader) {
    const value = request.headers[action.clusterHeader];
    clusterName = typeof value === 'string' ? value : undefined;
  }
  const cluster = clusterName ? context.clusters.get(clusterName) : undefined;
  exchange.upstreamCluster = clusterName ?? '';
  if (!cluster) {
    context.stats.noCluster.value++;
    exchange.addFlag(ResponseFlag.noClusterFound);
    exchange.localReply(action.clusterNotFoundCode, '');
    return;
  }
  if (targetMutations) exchange.responseMutations.unshift(targetMutations);

  const { headers, path: upstreamPath } = buildUpstreamHeaders(exchange, route, action, targetMutations, cluster.config.http2);
  const hash = requestHash(exchange, action);
  const retry = action.retry;
  const grpcTimeout = parseGrpcTimeout(request.headers['grpc-timeout']);
  const overrideTimeout = Number(request.headers['x-envoy-upstream-rq-timeout-ms']);
  let timeoutMs = Number.isFinite(overrideTimeout) && overrideTimeout > 0 ? overrideTimeout : action.timeoutMs;
  if (grpcTimeout !== undefined && (timeoutMs === 0 || grpcTimeout < timeoutMs)) timeoutMs = grpcTimeout;
  if (timeoutMs > 0) headers['x-envoy-expected-rq-timeout-ms'] = String(timeoutMs);

  const body = new BodyBuffer(request, retry !== undefined || action.mirrors.length > 0);
  body.onBytes = (count) => (exchange.bytesReceived += count);
  for (const mirror of action.mirrors) {
    if (Math.random() < mirror.fraction) sendMirror(context.clusters.get(mirror.cluster), request.method ?? 'GET', upstreamPath, headers, body);
  }

  const tried = new Set<Host>();
  let retriesLeft = retry?.numRetries ?? 0;
  let retryNumber = 0;
  let current: Attempt | undefined;
  let done = false;
  let routeTimer: NodeJS.Timeout | undefined;
  const startedAt = Date.now();

  const finish = () => {
    done = true;
    if (routeTimer) clearTimeout(routeTimer);
  };
  if (timeoutMs > 0) {
    routeTimer = setTimeout(() => {
      if (done) return;
      finish();
      current?.abort();
      cluster.stats.rqTimeout.value++;
      context.stats.rqTimeout.value++;
      exchange.addFlag(ResponseFlag.upstreamRequestTimeout);
      if (current) cluster.recordResult(current.host, 504);
      exchange.localReply(504, LocalReplyBody.timeout);
    }, timeoutMs);
  }
  exchange.response.once('close', () => {
    if (done) return;
    finish();
    current?.abort();
    cluster.stats.rqCancelled.value++;
  });

  const start = () => {
    if (done) return;
    const host = cluster.config.type === 'ORIGINAL_DST' ? originalDestination(exchange, cluster) : cluster.chooseHost(hash, tried);
    if (!host) {
      finish();
      cluster.stats.cxNoneHealthy.value++;
      exchange.addFlag(ResponseFlag.noHealthyUpstream);
      exchange.localReply(503, LocalReplyBody.noHealthyUpstream);
      return;
    }
    const admission = cluster.admit();
    if (!admission) {
      finish();
      exchange.addFlag(ResponseFlag.upstreamOverflow);
      exchange.localReply(503, LocalReplyBody.overflow);
      return;
    }
    tried.add(host);
    cluster.stats.rqTotal.value++;
    host.activeRequests++;
    exchange.upstreamHost = host.key;
    if (exchange.virtualHost?.includeAttemptCount) headers['x-envoy-attempt-count'] = String(retryNumber + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      host.activeRequests--;
      cluster.release();
      if (admission === 'pending') cluster.leavePending(true);
    };
    let perTryTimer: NodeJS.Timeout | undefined;
    const onHead = (status: number, responseHeaders: IncomingHttpHeaders, stream: UpstreamStream) => {
      if (perTryTimer) clearTimeout(perTryTimer);
      if (done) {
        release();
        stream.destroy();
        return;
      }
      if (retry && retriesLeft > 0 && body.replayable && shouldRetryStatus(retry, status, responseHeaders)) {
        cluster.recordResult(host, status);
        stream.resume();
        release();
        scheduleRetry();
        return;
      }
      finish();
      if (retryNumber > 0 && status < 500) cluster.stats.rqRetrySuccess.value++;
      exchange.upstreamServiceTimeMs = Date.now() - startedAt;
      streamResponse(exchange, status, responseHeaders, stream, () => {
        cluster.recordResult(host, status);
        release();
      });
    };
    const onFailure = (failure: AttemptFailure) => {
      if (perTryTimer) clearTimeout(perTryTimer);
      release();
      if (done) return;
      cluster.recordResult(host, 0);
      if (failure.kind === 'timeout') cluster.stats.rqPerTryTimeout.value++;
      else if (failure.kind === 'reset') cluster.stats.rqRxReset.value++;
      if (retry && retriesLeft > 0 && body.replayable && shouldRetryFailure(retry, failure)) {
        scheduleRetry();
        return;
      }
      finish();
      if (failure.kind === 'timeout') {
        exchange.addFlag(ResponseFlag.upstreamRequestTimeout);
        exchange.localReply(504, LocalReplyBody.timeout);
      } else if (failure.kind === 'connect') {
        exchange.addFlag(ResponseFlag.upstreamConnectFailure);
        exchange.localReply(503, LocalReplyBody.connectFailure);
      } else {
        exchange.addFlag(ResponseFlag.upstreamRemoteReset);
        exchange.localReply(503, LocalReplyBody.reset);
      }
    };
    const method = request.method ?? 'GET';
    const onConnection = () => cluster.leavePending(admission === 'pending');
    current = cluster.config.http2
      ? sendHttp2(cluster, host, method, upstreamPath, headers, body, { onHead, onFailure, onConnection })
      : sendHttp1(cluster, host, method, upstreamPath, headers, body, { onHead, onFailure, onConnection });
    if (retry && retry.perTryTimeoutMs > 0) {
      const attempt = current;
      perTryTimer = setTimeout(() => {
        attempt.abort();
        onFailure({ kind: 'timeout' });
      }, retry.perTryTimeoutMs);
    }
  };

  const scheduleRetry = () => {
    if (!retry) return;
    if (!cluster.admitRetry()) {
      retriesLeft = 0;
      exchange.addFlag(ResponseFlag.upstreamRetryLimitExceeded);
      start();
      return;
    }
    retriesLeft--;
    retryNumber++;
    cluster.stats.rqRetry.value++;
    const ceiling = Math.min(retry.maxIntervalMs, retry.baseIntervalMs * 2 ** (retryNumber - 1));
    const timer = setTimeout(() => {
      cluster.releaseRetry();
      start();
    }, Math.random() * ceiling);
    exchange.response.once('close', () => clearTimeout(timer));
  };

  start();
}

function shouldRetryStatus(retry: RetryConfig, status: number, headers: IncomingHttpHeaders): boolean {
  if (retry.on5xx && status >= 500) return true;
  if (retry.onGatewayError && (status === 502 || status === 503 || status === 504)) return true;
  if (retry.onRetriable4xx && status === 409) return true;
  if (retry.retriableStatusCodes.has(status)) return true;
  if (retry.grpcStatuses.size > 0) {
    const grpcStatus = headers['grpc-status'];
    if (typeof grpcStatus === 'string' && retry.grpcStatuses.has(Number(grpcStatus))) return true;
  }
  return false;
}

function shouldRetryFailure(retry: RetryConfig, failure: AttemptFailure): boolean {
  // The walkthrough (S11) documents every try cut by perTryTimeout as retried, with Istio's default retry_on; Envoy
  // itself retries per-try timeouts only under 5xx/gateway-error/reset. We follow the walkthrough.
  if (failure.kind === 'timeout' && retry.perTryTimeoutMs > 0) return true;
  if (retry.on5xx || retry.onGatewayError) return true;
  if (failure.kind === 'connect') return retry.onConnectFailure || retry.onReset;
  if (failure.kind === 'refused') return retry.onRefusedStream || retry.onReset;
  return retry.onReset;
}

function originalDestination(exchange: Exchange, cluster: ClusterRuntime): Host | undefined {
  if (cluster.config.originalDstUseHeader) {
    const header = exchange.request.headers['x-envoy-original-dst-host'];
    if (typeof header === 'string') {
      const colon = header.lastIndexOf(':');
      return cluster.originalDestination(header.slice(0, colon), Number(header.slice(colon + 1)));
    }
  }
  const destination = exchange.connection.originalDst;
  return destination ? cluster.originalDestination(destination.address, destination.port) : undefined;
}

function buildUpstreamHeaders(
  exchange: Exchange,
  route: CompiledRoute,
  action: ForwardAction,
  target: HeaderMutations | undefined,
  http2Upstream: boolean,
): { headers: OutgoingHttpHeaders; path: string } {
  const { request, context } = exchange;
  const config = context.config;
  // `te: trailers` (gRPC) is an HTTP/2 end-to-end hint; HTTP/1.1 upstreams do not get it.
  const headers = copyRequestHeaders(request.headers, http2Upstream);
  let path = exchange.path;
  if (action.prefixRewrite !== undefined && route.prefix !== undefined) {
    path = action.prefixRewrite + path.slice(route.prefix.length);
    if (path === '' || path[0] !== '/') path = `/${path}`;
  } else if (action.regexRewrite) {
    path = action.regexRewrite(exchange.pathOnly) + (exchange.query ? `?${exchange.query}` : '');
  }
  if (path !== exchange.path) headers['x-envoy-original-path'] = exchange.path;
  headers.host = action.hostRewrite ?? exchange.authority;
  if (!headers['x-forwarded-proto']) headers['x-forwarded-proto'] = exchange.connection.tls ? 'https' : 'http';
  if (config.useRemoteAddress && !config.skipXffAppend) {
    const existing = headers['x-forwarded-for'];
    headers['x-forwarded-for'] = existing ? `${String(existing)}, ${exchange.connection.remoteAddress}` : exchange.connection.remoteAddress;
  }
  if (config.generateRequestId && (!headers['x-request-id'] || (!config.preserveExternalRequestId && config.useRemoteAddress))) {
    headers['x-request-id'] = newRequestId();
  }
  if (config.tracing) propagateB3(headers, config.tracing.randomSampling);
  if (config.via) headers['via'] = headers['via'] ? `${String(headers['via'])}, ${config.via}` : config.via;
  const table = context.routes();
  const layers: HeaderMutations[] = [];
  if (table) layers.push(table.mutations);
  if (exchange.virtualHost) layers.push(exchange.virtualHost.mutations);
  layers.push(route.mutations);
  if (target) layers.push(target);
  mutateRequest(headers, layers);
  exchange.requestHeadersSent = headers;
  return { headers, path };
}

/** The request's hash for ring-hash clusters, from the route's hash policies (first that yields a value, or all). */
function requestHash(exchange: Exchange, action: ForwardAction): number | undefined {
  if (action.hashPolicies.length === 0) return undefined;
  let combined: number | undefined;
  for (const policy of action.hashPolicies) {
    let key: string | undefined;
    if (policy.kind === 'header') {
      const value = exchange.request.headers[policy.name];
      key = Array.isArray(value) ? value.join(',') : value;
    } else if (policy.kind === 'source_ip') {
      key = exchange.connection.remoteAddress;
    } else {
      key = readCookie(exchange.request.headers.cookie, policy.name);
      if (key === undefined && policy.ttlMs >= 0) {
        key = newRequestId();
        const attributes = [`${policy.name}="${key}"`];
        if (policy.path) attributes.push(`Path=${policy.path}`);
        if (policy.ttlMs > 0) attributes.push(`Max-Age=${Math.round(policy.ttlMs / 1000)}`);
        exchange.extraResponseHeaders = { ...exchange.extraResponseHeaders, 'set-cookie': attributes.join('; ') + '; HttpOnly' };
      }
    }
    if (key === undefined) continue;
    const hash = hashString(key);
    combined = combined === undefined ? hash : ((combined << 1) ^ hash) >>> 0;
    if (policy.terminal) break;
  }
  return combined;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim().replace(/^"|"$/g, '');
  }
  return undefined;
}

/** Writes the upstream response downstream: status, headers (+ Envoy's), body with backpressure, trailers. */
function streamResponse(
  exchange: Exchange,
  status: number,
  upstreamHeaders: IncomingHttpHeaders,
  stream: UpstreamStream,
  onEnd: () => void,
): void {
  const response = exchange.response;
  const headers = copyResponseHeaders(upstreamHeaders);
  // A gRPC "trailers-only" answer (status in the response headers) is re-sent as headers plus trailers downstream.
  let grpcTrailers: OutgoingHttpHeaders | undefined;
  if (headers['grpc-status'] !== undefined && exchange.request.httpVersionMajor === 2) {
    grpcTrailers = { 'grpc-status': headers['grpc-status'] };
    if (headers['grpc-message'] !== undefined) grpcTrailers['grpc-message'] = headers['grpc-message'];
    delete headers['grpc-status'];
    delete headers['grpc-message'];
  }
  if (exchange.extraResponseHeaders) Object.assign(headers, exchange.extraResponseHeaders);
  headers['x-envoy-upstream-service-time'] = String(exchange.upstreamServiceTimeMs);
  headers['server'] = exchange.context.config.serverName;
  if (exchange.connection.draining && exchange.request.httpVersionMajor === 1) headers['connection'] = 'close';
  exchange.finishHead(status, headers);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    onEnd();
  };
  const sink = response as { write(chunk: Buffer): boolean };
  stream.on('data', (chunk: Buffer) => {
    exchange.bytesSent += chunk.length;
    if (!sink.write(chunk)) {
      stream.pause();
      response.once('drain', () => stream.resume());
    }
  });
  const trailers = (values: IncomingHttpHeaders) => {
    const out: OutgoingHttpHeaders = {};
    for (const name in values) if (name.charCodeAt(0) !== 58) out[name] = values[name];
    if (Object.keys(out).length > 0) (response as { addTrailers(headers: OutgoingHttpHeaders): void }).addTrailers(out);
  };
  stream.once('trailers', trailers);
  stream.once('end', () => {
    if (grpcTrailers) (response as { addTrailers(headers: OutgoingHttpHeaders): void }).addTrailers(grpcTrailers);
    response.end();
    end();
  });
  stream.once('error', () => {
    exchange.addFlag(ResponseFlag.upstreamConnectionTermination);
    response.destroy();
    end();
  });
  stream.once('close', () => {
    if (!ended && !stream.readableEnded) {
      exchange.addFlag(ResponseFlag.upstreamConnectionTermination);
      response.destroy();
    }
    end();
  });
}

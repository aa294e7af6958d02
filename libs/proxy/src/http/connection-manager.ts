import { createServer as createHttp2Server, type Http2Server, type ServerHttp2Session } from 'node:http2';
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { replayStream } from '../listener/replay-stream';
import type { HcmConfig, RouteTable } from '../config/types';
import { httpScope, type StatsStore } from '../stats/stats-store';
import type { ClusterManager } from '../upstream/cluster-manager';
import type { AccessLogWriter } from './access-log-writer';
import { Http1Server } from './http1-server';
import { handleRequest } from './router';
import type { HcmStats, HttpContext } from './types';
import { handleUpgrade } from './upgrade';

const H2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');

export interface HttpConnectionManagerOptions {
  readonly config: HcmConfig;
  readonly stats: StatsStore;
  readonly clusters: ClusterManager;
  readonly accessLog: AccessLogWriter;
  /** Looks up an RDS route table by name (the current one, each request). */
  readonly rds: (name: string) => RouteTable | undefined;
}

/**
 * Envoy's HTTP connection manager for one filter chain: HTTP/1.1 (keep-alive, chunked, upgrades) and HTTP/2 (h2c by
 * preface, or TLS with ALPN h2) downstream codecs feeding the same router. Sockets are handed over by the listener.
 */
export class HttpConnectionManager {
  readonly context: HttpContext;
  private readonly http1: Http1Server;
  private readonly http2: Http2Server;
  private readonly sessions = new Set<ServerHttp2Session>();
  private readonly sockets = new Set<Duplex>();

  constructor(options: HttpConnectionManagerOptions) {
    const { config } = options;
    const scope = httpScope(config.statPrefix);
    const counter = (name: string) => options.stats.counter(scope, name);
    const stats: HcmStats = {
      rqTotal: counter('downstream_rq_total'),
      rq1xx: counter('downstream_rq_1xx'),
      rq2xx: counter('downstream_rq_2xx'),
      rq3xx: counter('downstream_rq_3xx'),
      rq4xx: counter('downstream_rq_4xx'),
      rq5xx: counter('downstream_rq_5xx'),
      rqActive: options.stats.gauge(scope, 'downstream_rq_active'),
      rqHttp1: counter('downstream_rq_http1_total'),
      rqHttp2: counter('downstream_rq_http2_total'),
      rqTimeout: counter('downstream_rq_timeout'),
      cxTotal: counter('downstream_cx_total'),
      cxActive: options.stats.gauge(scope, 'downstream_cx_active'),
      cxUpgradesTotal: counter('downstream_cx_upgrades_total'),
      noRoute: counter('no_route'),
      noCluster: counter('no_cluster'),
      rqDirectResponse: counter('rq_direct_response'),
      rqRedirect: counter('rq_redirect'),
      faultAborts: counter('fault.aborts_injected'),
      faultDelays: counter('fault.delays_injected'),
      corsPreflight: counter('cors.origin_valid'),
      rbacAllowed: counter('rbac.allowed'),
      rbacDenied: counter('rbac.denied'),
      rbacShadowAllowed: counter('rbac.shadow_allowed'),
      rbacShadowDenied: counter('rbac.shadow_denied'),
    };
    const routes: () => RouteTable | undefined =
      config.routes.kind === 'inline' ? ((table) => () => table)(config.routes.table) : ((name) => () => options.rds(name))(config.routes.name);
    this.context = { config, stats, routes, clusters: options.clusters, accessLog: options.accessLog };
    const onRequest = (request: Parameters<typeof handleRequest>[1], response: Parameters<typeof handleRequest>[2]) =>
      handleRequest(this.context, request, response);
    this.http1 = new Http1Server({
      keepAliveTimeoutMs: config.streamIdleTimeoutMs || 300_000,
      requestTimeoutMs: config.requestTimeoutMs,
      headersTimeoutMs: 60_000,
      onRequest,
      onUpgrade: (request, socket, head) => handleUpgrade(this.context, request, socket, head),
    });
    this.http2 = createHttp2Server({ settings: { maxConcurrentStreams: 1024 } }, onRequest);
    this.http2.on('session', (session: ServerHttp2Session) => {
      this.sessions.add(session);
      session.once('close', () => this.sessions.delete(session));
    });
    this.http2.on('sessionError', () => undefined);
  }

  /**
   * Takes a connection. `alpn` is the negotiated protocol for TLS; for plaintext the first bytes (already read by the
   * listener and pushed back) decide between HTTP/1.1 and h2c.
   */
  accept(socket: Duplex, alpn: string | false, firstBytes: Buffer | undefined, overJsStream = false): void {
    const stats = this.context.stats;
    stats.cxTotal.value++;
    stats.cxActive.value++;
    this.sockets.add(socket);
    socket.once('close', () => {
      stats.cxActive.value--;
      this.sockets.delete(socket);
    });
    const codec = this.context.config.codec;
    const prefaceLength = Math.min(firstBytes?.length ?? 0, H2_PREFACE.length);
    const sawPreface = prefaceLength > 0 && firstBytes !== undefined && firstBytes.subarray(0, prefaceLength).equals(H2_PREFACE.subarray(0, prefaceLength));
    const isHttp2 = codec === 'HTTP2' || (codec === 'AUTO' && (alpn === 'h2' || (alpn === false && sawPreface)));
    if (!isHttp2) {
      this.http1.accept(socket);
      return;
    }
    // A plaintext socket whose first bytes were read and pushed back must go through a JS stream (see replayStream).
    // So must a TLS socket that itself runs over such a stream (TLS after SNI inspection).
    const replay = socket instanceof Socket && ((firstBytes !== undefined && firstBytes.length > 0) || overJsStream);
    this.http2.emit('connection', replay ? replayStream(socket) : socket);
  }

  /** Stops keep-alive reuse: HTTP/1.1 responses say `connection: close`, HTTP/2 sessions get GOAWAY. */
  drain(): void {
    for (const session of this.sessions) if (!session.closed) session.close();
    this.http1.closeIdleConnections();
  }

  /** Closes every connection now (end of the drain period). */
  destroy(): void {
    this.http1.close();
    for (const session of this.sessions) session.destroy();
    for (const socket of this.sockets) socket.destroy();
  }
}

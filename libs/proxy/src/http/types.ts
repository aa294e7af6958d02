import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import type { HcmConfig, RouteTable } from '../config/types';
import type { Stat } from '../stats/stats-store';
import type { ClusterManager } from '../upstream/cluster-manager';
import type { AccessLogWriter } from './access-log-writer';
import type { Http1IncomingRequest, Http1OutgoingResponse } from './http1-downstream';

export type DownstreamRequest = Http1IncomingRequest | Http2ServerRequest;
export type DownstreamResponse = Http1OutgoingResponse | Http2ServerResponse;

/** What the proxy knows about a downstream connection, attached to its socket when accepted. */
export interface ConnectionInfo {
  readonly tls: boolean;
  readonly serverName: string;
  readonly localAddress: string;
  readonly remoteAddress: string;
  readonly remotePort: number;
  /** The peer's identity from its client certificate (first URI SAN, e.g. spiffe://...), '' without mTLS. */
  readonly principal?: string;
  /** The connection's original destination (capture listeners), for ORIGINAL_DST clusters. */
  readonly originalDst?: { readonly address: string; readonly port: number };
  /** Set when the listener that accepted it is draining: answer with `connection: close`. */
  draining: boolean;
}

export const CONNECTION_INFO = Symbol.for('isthmus.proxy.connection');

export interface HcmStats {
  readonly rqTotal: Stat;
  readonly rq1xx: Stat;
  readonly rq2xx: Stat;
  readonly rq3xx: Stat;
  readonly rq4xx: Stat;
  readonly rq5xx: Stat;
  readonly rqActive: Stat;
  readonly rqHttp1: Stat;
  readonly rqHttp2: Stat;
  readonly rqTimeout: Stat;
  readonly cxTotal: Stat;
  readonly cxActive: Stat;
  readonly cxUpgradesTotal: Stat;
  readonly noRoute: Stat;
  readonly noCluster: Stat;
  readonly rqDirectResponse: Stat;
  readonly rqRedirect: Stat;
  readonly faultAborts: Stat;
  readonly faultDelays: Stat;
  readonly corsPreflight: Stat;
  readonly rbacAllowed: Stat;
  readonly rbacDenied: Stat;
  readonly rbacShadowAllowed: Stat;
  readonly rbacShadowDenied: Stat;
}

/** Everything one HTTP connection manager needs at request time; routes are read through `routes` on each request. */
export interface HttpContext {
  readonly config: HcmConfig;
  readonly stats: HcmStats;
  readonly routes: () => RouteTable | undefined;
  readonly clusters: ClusterManager;
  readonly accessLog: AccessLogWriter;
}

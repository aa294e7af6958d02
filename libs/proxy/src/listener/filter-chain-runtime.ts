import type { Duplex } from 'node:stream';
import type { FilterChainConfig, RouteTable } from '../config/types';
import type { AccessLogWriter } from '../http/access-log-writer';
import { HttpConnectionManager } from '../http/connection-manager';
import type { ConnectionInfo } from '../http/types';
import type { StatsStore } from '../stats/stats-store';
import type { CertStore } from '../tls/cert-store';
import type { ClusterManager } from '../upstream/cluster-manager';
import { TcpProxy } from './tcp-proxy';

export interface ChainDependencies {
  readonly stats: StatsStore;
  readonly clusters: ClusterManager;
  readonly certs: CertStore;
  readonly accessLog: AccessLogWriter;
  readonly rds: (name: string) => RouteTable | undefined;
}

/** A filter chain ready to take connections: its config plus the HTTP connection manager or TCP proxy behind it. */
export class FilterChainRuntime {
  readonly http?: HttpConnectionManager;
  readonly tcp?: TcpProxy;

  constructor(
    readonly config: FilterChainConfig,
    deps: ChainDependencies,
  ) {
    if (config.network.kind === 'http') {
      this.http = new HttpConnectionManager({ config: config.network.hcm, stats: deps.stats, clusters: deps.clusters, accessLog: deps.accessLog, rds: deps.rds });
    } else {
      this.tcp = new TcpProxy(config.network.tcp, deps.clusters, deps.certs, deps.accessLog, deps.stats);
    }
  }

  accept(socket: Duplex, info: ConnectionInfo, alpn: string | false, firstBytes: Buffer | undefined, overJsStream = false): void {
    if (this.http) this.http.accept(socket, alpn, firstBytes, overJsStream);
    else this.tcp?.accept(socket, info);
  }

  drain(): void {
    this.http?.drain();
  }

  destroy(): void {
    this.http?.destroy();
    this.tcp?.destroy();
  }
}

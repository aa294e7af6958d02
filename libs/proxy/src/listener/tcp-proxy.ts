import { connect as netConnect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import type { TcpProxyConfig } from '../config/types';
import type { AccessLogWriter } from '../http/access-log-writer';
import type { ConnectionInfo } from '../http/types';
import { tcpScope, type Stat, type StatsStore } from '../stats/stats-store';
import type { CertStore } from '../tls/cert-store';
import type { ClusterManager } from '../upstream/cluster-manager';

/** Envoy's tcp_proxy: one upstream connection per downstream connection, bytes spliced both ways, idle timeout. */
export class TcpProxy {
  private readonly stats: { cxTotal: Stat; noRoute: Stat; rxBytes: Stat; txBytes: Stat; idleTimeout: Stat };
  private readonly sockets = new Set<Duplex>();

  constructor(
    private readonly config: TcpProxyConfig,
    private readonly clusters: ClusterManager,
    private readonly certs: CertStore,
    private readonly accessLog: AccessLogWriter,
    stats: StatsStore,
  ) {
    const scope = tcpScope(config.statPrefix);
    this.stats = {
      cxTotal: stats.counter(scope, 'downstream_cx_total'),
      noRoute: stats.counter(scope, 'downstream_cx_no_route'),
      rxBytes: stats.counter(scope, 'downstream_cx_rx_bytes_total'),
      txBytes: stats.counter(scope, 'downstream_cx_tx_bytes_total'),
      idleTimeout: stats.counter(scope, 'idle_timeout'),
    };
  }

  accept(downstream: Duplex, info: ConnectionInfo): void {
    const start = Date.now();
    this.stats.cxTotal.value++;
    this.sockets.add(downstream);
    downstream.once('close', () => this.sockets.delete(downstream));
    let clusterName = this.config.cluster;
    if (this.config.weighted) {
      const total = this.config.weighted.reduce((sum, target) => sum + target.weight, 0);
      let point = Math.random() * total;
      for (const target of this.config.weighted) {
        point -= target.weight;
        if (point < 0) {
          clusterName = target.cluster;
          break;
        }
      }
    }
    const cluster = clusterName ? this.clusters.get(clusterName) : undefined;
    const host =
      cluster?.config.type === 'ORIGINAL_DST'
        ? info.originalDst && cluster.originalDestination(info.originalDst.address, info.originalDst.port)
        : cluster?.chooseHost(undefined);
    let received = 0;
    let sent = 0;
    let flags = '';
    const log = () => {
      if (this.config.accessLogs.length === 0) return;
      this.accessLog.write(this.config.accessLogs, {
        startTime: start, method: '', path: '', protocol: 'TCP', responseCode: 0, responseFlags: flags, bytesReceived: received, bytesSent: sent,
        durationMs: Date.now() - start, upstreamServiceTimeMs: -1, upstreamHost: host ? host.key : '', upstreamCluster: clusterName ?? '',
        downstreamLocal: info.localAddress, downstreamRemote: `${info.remoteAddress}:${info.remotePort}`, requestedServerName: info.serverName,
        routeName: '', requestHeaders: {}, responseHeaders: {},
      });
    };
    if (!cluster || !host) {
      this.stats.noRoute.value++;
      flags = cluster ? 'UH' : 'NC';
      downstream.destroy();
      log();
      return;
    }
    const admission = cluster.admit();
    if (!admission) {
      flags = 'UO';
      downstream.destroy();
      log();
      return;
    }
    cluster.stats.rqTotal.value++;
    const tls = cluster.config.tls;
    const upstream: Socket = tls
      ? tlsConnect({ host: host.address, port: host.port, ...this.certs.clientOptions(tls, host.address) })
      : netConnect({ host: host.address, port: host.port });
    cluster.stats.cxTotal.value++;
    upstream.setNoDelay(true);
    const connectTimer = setTimeout(() => upstream.destroy(new Error('connect timeout')), cluster.config.connectTimeoutMs);
    let connected = false;
    upstream.once(tls ? 'secureConnect' : 'connect', () => {
      connected = true;
      clearTimeout(connectTimer);
      if (admission === 'pending') cluster.leavePending(true);
    });
    downstream.on('data', (chunk: Buffer) => {
      received += chunk.length;
      this.stats.rxBytes.value += chunk.length;
    });
    upstream.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      this.stats.txBytes.value += chunk.length;
    });
    downstream.pipe(upstream);
    upstream.pipe(downstream);
    const idle = this.config.idleTimeoutMs;
    if (idle > 0) {
      upstream.setTimeout(idle, () => {
        this.stats.idleTimeout.value++;
        upstream.destroy();
      });
    }
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      clearTimeout(connectTimer);
      if (!connected) {
        flags = 'UF';
        cluster.stats.cxConnectFail.value++;
        cluster.recordResult(host, 0);
      }
      cluster.release();
      downstream.destroy();
      upstream.destroy();
      log();
    };
    upstream.on('error', close);
    upstream.once('close', close);
    downstream.on('error', close);
    downstream.once('close', () => {
      if (!upstream.writableEnded) upstream.end();
      setTimeout(close, 1000).unref();
    });
  }

  destroy(): void {
    for (const socket of this.sockets) socket.destroy();
  }
}

import { Agent, type ClientRequestArgs } from 'node:http';
import { connect as netConnect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import type { ClusterConfig } from '../config/types';
import type { CertStore } from '../tls/cert-store';

export interface PoolCounters {
  /** Called with +1 when an upstream connection opens and -1 when it closes. */
  onConnection(delta: 1 | -1): void;
  onConnectFailure(timeout: boolean): void;
}

/**
 * HTTP/1.1 keep-alive connections of one cluster. Connections are created here (so they are counted for circuit
 * breaking, get the cluster's connect timeout and TLS settings) and retired after max_requests_per_connection.
 */
export class Http1Pool extends Agent {
  private readonly served = new WeakMap<Duplex, number>();

  constructor(
    private readonly config: ClusterConfig,
    private readonly counters: PoolCounters,
    private readonly certs: CertStore,
  ) {
    super({ keepAlive: true, scheduling: 'lifo', maxSockets: config.breakers.maxConnections, maxTotalSockets: config.breakers.maxConnections });
  }

  override createConnection(options: ClientRequestArgs, callback?: (err: Error | null, stream: Duplex) => void): Duplex {
    const host = String(options.host ?? '127.0.0.1');
    const port = Number(options.port);
    const tls = this.config.tls;
    const socket: Socket = tls
      ? tlsConnect({ host, port, ...this.certs.clientOptions(tls, host), ALPNProtocols: tls.alpn.length ? [...tls.alpn] : undefined })
      : netConnect({ host, port });
    socket.setNoDelay(true);
    this.counters.onConnection(1);
    let connected = false;
    const timer = setTimeout(() => {
      this.counters.onConnectFailure(true);
      socket.destroy(Object.assign(new Error('upstream connect timeout'), { code: 'ECONNTIMEOUT' }));
    }, this.config.connectTimeoutMs);
    socket.once(tls ? 'secureConnect' : 'connect', () => {
      connected = true;
      clearTimeout(timer);
    });
    socket.once('close', () => {
      clearTimeout(timer);
      if (!connected && !socket.errored) this.counters.onConnectFailure(false);
      this.counters.onConnection(-1);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (!connected && error.code !== 'ECONNTIMEOUT') this.counters.onConnectFailure(false);
    });
    callback?.(null, socket);
    return socket;
  }

  override keepSocketAlive(socket: Duplex): boolean {
    const served = (this.served.get(socket) ?? 0) + 1;
    this.served.set(socket, served);
    const limit = this.config.maxRequestsPerConnection;
    if (limit > 0 && served >= limit) return false;
    return (Agent.prototype.keepSocketAlive as (socket: Duplex) => boolean).call(this, socket);
  }
}

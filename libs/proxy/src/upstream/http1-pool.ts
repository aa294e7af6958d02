import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { ClusterConfig } from '../config/types';
import type { CertStore } from '../tls/cert-store';
import type { Host } from './host';
import { Http1Connection, type Http1ConnectionOwner } from './http1-connection';

export interface PoolCounters {
  /** Called with +1 when an upstream connection opens and -1 when it closes. */
  onConnection(delta: 1 | -1): void;
  onConnectFailure(timeout: boolean): void;
}

interface Waiter {
  readonly host: Host;
  readonly ready: (connection: Http1Connection) => void;
}

/** How often idle connections are checked against their idle limit. */
const IDLE_SWEEP_MS = 1000;

/**
 * HTTP/1.1 keep-alive connections of one cluster. Connections are opened here (counted for circuit breaking, with
 * the cluster's connect timeout and TLS settings), reused most-recently-idle first, capped at max_connections (later
 * requests wait for a free one), retired after max_requests_per_connection, and closed when idle past the cluster's
 * idle_timeout or the server's own keep-alive timeout (less a second, so we close before it does).
 */
export class Http1Pool implements Http1ConnectionOwner {
  private readonly idle = new Map<string, Http1Connection[]>();
  private readonly waiting: Waiter[] = [];
  private open = 0;
  private sweeper: NodeJS.Timeout | undefined;
  /** The cluster is gone: requests in flight finish, then their connections close instead of idling here. */
  private destroyed = false;

  constructor(
    private readonly config: ClusterConfig,
    private readonly counters: PoolCounters,
    private readonly certs: CertStore,
  ) {}

  /** Hands `ready` a connection to `host` now, or once one is free under max_connections; returns a cancel function. */
  acquire(host: Host, ready: (connection: Http1Connection) => void): () => void {
    const list = this.idle.get(host.key);
    let idle: Http1Connection | undefined;
    // A connection destroyed while idle stays listed until its 'close' event; skip it.
    while (list && (idle = list.pop()) && idle.socket.destroyed);
    if (idle && !idle.socket.destroyed) {
      ready(idle);
      return noop;
    }
    if (this.open < this.config.breakers.maxConnections) {
      ready(this.create(host));
      return noop;
    }
    const waiter: Waiter = { host, ready };
    this.waiting.push(waiter);
    return () => {
      const index = this.waiting.indexOf(waiter);
      if (index >= 0) this.waiting.splice(index, 1);
    };
  }

  /** Opens a counted connection with the cluster's TLS settings and connect timeout (also used for upgrades). */
  connect(host: Host): Socket {
    const tls = this.config.tls;
    const socket: Socket = tls
      ? tlsConnect({ host: host.address, port: host.port, ...this.certs.clientOptions(tls, host.address), ALPNProtocols: tls.alpn.length ? [...tls.alpn] : undefined })
      : netConnect({ host: host.address, port: host.port });
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
    return socket;
  }

  reusable(connection: Http1Connection, keepAliveTimeoutMs: number | undefined): void {
    const limit = this.config.maxRequestsPerConnection;
    if (this.destroyed || (limit > 0 && connection.served >= limit)) {
      connection.destroy();
      return;
    }
    const next = this.takeWaiter(connection.hostKey);
    if (next) {
      next.ready(connection);
      return;
    }
    if (this.waiting.length > 0) {
      // Someone waits for another host: this connection's slot serves them better (see closed()).
      connection.destroy();
      return;
    }
    connection.idleSince = Date.now();
    connection.idleLimitMs = keepAliveTimeoutMs === undefined ? this.config.idleTimeoutMs : Math.min(this.config.idleTimeoutMs, Math.max(0, keepAliveTimeoutMs - 1000));
    let list = this.idle.get(connection.hostKey);
    if (!list) this.idle.set(connection.hostKey, (list = []));
    list.push(connection);
    this.sweeper ??= setInterval(() => this.sweep(), IDLE_SWEEP_MS).unref();
  }

  closed(connection: Http1Connection): void {
    this.open--;
    const list = this.idle.get(connection.hostKey);
    const index = list ? list.indexOf(connection) : -1;
    if (list && index >= 0) list.splice(index, 1);
    const next = this.waiting.shift();
    if (next) next.ready(this.create(next.host));
  }

  destroy(): void {
    this.destroyed = true;
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    this.waiting.length = 0;
    for (const list of this.idle.values()) for (const connection of [...list]) connection.destroy();
    this.idle.clear();
  }

  private create(host: Host): Http1Connection {
    this.open++;
    return new Http1Connection(this.connect(host), host.key, this, this.config.tls !== undefined);
  }

  private takeWaiter(hostKey: string): Waiter | undefined {
    const index = this.waiting.findIndex((waiter) => waiter.host.key === hostKey);
    return index < 0 ? undefined : this.waiting.splice(index, 1)[0];
  }

  private sweep(): void {
    const now = Date.now();
    let idle = 0;
    for (const list of this.idle.values()) {
      for (const connection of [...list]) {
        if (now - connection.idleSince >= connection.idleLimitMs) {
          list.splice(list.indexOf(connection), 1);
          connection.destroy();
        } else idle++;
      }
    }
    if (idle === 0 && this.sweeper) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  }
}

function noop(): void {
  // nothing to cancel
}

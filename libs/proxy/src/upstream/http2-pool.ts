import { connect, type ClientHttp2Session } from 'node:http2';
import type { ClusterConfig } from '../config/types';
import type { CertStore } from '../tls/cert-store';
import type { Host } from './host';
import type { PoolCounters } from './http1-pool';

/** One multiplexed HTTP/2 session per upstream host (gRPC and HTTP/2 clusters), re-created when it closes or goes away. */
export class Http2Pool {
  private readonly sessions = new Map<string, ClientHttp2Session>();

  constructor(
    private readonly config: ClusterConfig,
    private readonly counters: PoolCounters,
    private readonly certs: CertStore,
  ) {}

  session(host: Host): ClientHttp2Session {
    const existing = this.sessions.get(host.key);
    if (existing && !existing.closed && !existing.destroyed) return existing;
    const tls = this.config.tls;
    const authority = `${tls ? 'https' : 'http'}://${host.key}`;
    const session = connect(authority, tls ? { ...this.certs.clientOptions(tls, host.address), ALPNProtocols: ['h2'] } : {});
    this.counters.onConnection(1);
    let connected = false;
    const timer = setTimeout(() => {
      this.counters.onConnectFailure(true);
      session.destroy(Object.assign(new Error('upstream connect timeout'), { code: 'ECONNTIMEOUT' }));
    }, this.config.connectTimeoutMs);
    session.once('connect', () => {
      connected = true;
      clearTimeout(timer);
    });
    session.on('error', () => {
      if (!connected) this.counters.onConnectFailure(false);
    });
    session.once('close', () => {
      clearTimeout(timer);
      this.counters.onConnection(-1);
      if (this.sessions.get(host.key) === session) this.sessions.delete(host.key);
    });
    session.once('goaway', () => {
      if (this.sessions.get(host.key) === session) this.sessions.delete(host.key);
    });
    session.unref();
    this.sessions.set(host.key, session);
    return session;
  }

  close(): void {
    for (const session of this.sessions.values()) session.close();
    this.sessions.clear();
  }
}

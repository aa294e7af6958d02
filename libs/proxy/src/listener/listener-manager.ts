import { createServer, type Server, type Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { ListenerConfig } from '../config/types';
import { CONNECTION_INFO, type ConnectionInfo } from '../http/types';
import { listenerScope, type Stat } from '../stats/stats-store';
import { verifySubjectAltNames } from '../tls/cert-store';
import { parseClientHello } from './client-hello';
import { replayStream } from './replay-stream';
import { selectFilterChain, type ConnectionFacts } from './filter-chain-match';
import { FilterChainRuntime, type ChainDependencies } from './filter-chain-runtime';

/** Finds where an accepted socket was originally going (iptables REDIRECT); undefined when unknown. */
export type OriginalDestinationResolver = (socket: Socket) => { address: string; port: number } | undefined;

export interface ListenerManagerOptions extends ChainDependencies {
  /** How long old listeners and filter chains keep serving established connections after an update (drainDuration). */
  readonly drainMs: number;
  readonly originalDestination?: OriginalDestinationResolver;
  /**
   * Local mode without iptables: listeners Pilot marks `bind_to_port: false` (the per-service outbound listeners
   * reached through the 15001 capture) are bound directly, on `virtualBindAddress` when they say 0.0.0.0.
   */
  readonly bindVirtualListeners?: boolean;
  readonly virtualBindAddress?: string;
  readonly onError?: (listener: string, error: Error) => void;
  /** false: compile and hold listeners without opening sockets (the config-holding primary of a multi-worker proxy). */
  readonly bind?: boolean;
}

interface ActiveListener {
  config: ListenerConfig;
  /** Identity of the resource the config was compiled from; an unchanged listener is left alone on LDS updates. */
  fingerprint?: string;
  chains: FilterChainRuntime[];
  defaultChain?: FilterChainRuntime;
  /** Choosing a chain needs the first bytes (listener inspectors, or a chain matching on TLS/ALPN/SNI or serving HTTP). */
  needsBytes: boolean;
  server?: Server;
  boundPort: number;
  connections: Set<ConnectionInfo>;
  /** Every accepted socket, so shutdown can close what chains do not own (inspection, refused handshakes). */
  sockets: Set<Socket>;
  stats: { cxTotal: Stat; noFilterChain: Stat };
}

/**
 * Listeners: add, update and remove without dropping established connections. An update swaps the filter chains
 * for new connections at once; old chains stop keep-alive reuse and are closed after the drain time. Capture
 * listeners (use_original_dst) hand connections to the listener of their original destination.
 */
export class ListenerManager {
  private readonly listeners = new Map<string, ActiveListener>();

  constructor(private readonly options: ListenerManagerOptions) {}

  get(name: string): { config: ListenerConfig; port: number } | undefined {
    const listener = this.listeners.get(name);
    return listener && { config: listener.config, port: listener.boundPort };
  }

  names(): string[] {
    return [...this.listeners.keys()];
  }

  /**
   * Applies a full LDS state (every listener the proxy should have). Binding errors reject, naming the listener.
   * `fingerprints` (by listener name) identify unchanged listeners: they keep their chains and connections undrained.
   */
  async setListeners(configs: readonly ListenerConfig[], fingerprints: ReadonlyMap<string, string> = new Map()): Promise<void> {
    const next = new Map(configs.map((config) => [config.name, config]));
    const created: ActiveListener[] = [];
    try {
      for (const config of configs) {
        const existing = this.listeners.get(config.name);
        if (existing && sameSocket(existing, config) && this.shouldBind(existing.config) === this.shouldBind(config)) continue;
        const listener = await this.create(config);
        listener.fingerprint = fingerprints.get(config.name);
        created.push(listener);
      }
    } catch (error: unknown) {
      for (const listener of created) listener.server?.close();
      throw error;
    }
    for (const listener of created) {
      const old = this.listeners.get(listener.config.name);
      this.listeners.set(listener.config.name, listener);
      if (old) this.retire(old, true);
    }
    for (const config of configs) {
      const existing = this.listeners.get(config.name);
      if (!existing || existing.config === config) continue;
      const fingerprint = fingerprints.get(config.name);
      if (fingerprint !== undefined && existing.fingerprint === fingerprint) continue;
      // Same socket, new chains: new connections use them at once; the old chains drain.
      const oldChains = allChains(existing);
      const oldConnections = existing.connections;
      existing.config = config;
      existing.fingerprint = fingerprint;
      Object.assign(existing, this.buildChains(config));
      existing.connections = new Set();
      this.drainChains(oldChains, oldConnections);
    }
    for (const [name, listener] of this.listeners) {
      if (!next.has(name)) {
        this.listeners.delete(name);
        this.retire(listener, true);
      }
    }
  }

  private shouldBind(config: ListenerConfig): boolean {
    if (this.options.bind === false) return false;
    return config.bindToPort || this.options.bindVirtualListeners === true;
  }

  /** The filter chains of a listener config, ready to take connections; decided once per config, not per connection. */
  private buildChains(config: ListenerConfig): Pick<ActiveListener, 'chains' | 'defaultChain' | 'needsBytes'> {
    const chains = config.filterChains.map((chain) => new FilterChainRuntime(chain, this.options));
    const needsBytes =
      config.inspectTls ||
      config.inspectHttp ||
      chains.some((chain) => chain.http || chain.config.match.serverNames.length > 0 || chain.config.match.transportProtocol !== '' || chain.config.match.applicationProtocols.length > 0);
    return { chains, defaultChain: config.defaultChain && new FilterChainRuntime(config.defaultChain, this.options), needsBytes };
  }

  private async create(config: ListenerConfig): Promise<ActiveListener> {
    const scope = listenerScope(`${config.address}_${config.port}`);
    const listener: ActiveListener = {
      config,
      ...this.buildChains(config),
      boundPort: config.port,
      connections: new Set(),
      sockets: new Set(),
      stats: { cxTotal: this.options.stats.counter(scope, 'downstream_cx_total'), noFilterChain: this.options.stats.counter(scope, 'no_filter_chain_match') },
    };
    if (!this.shouldBind(config)) return listener;
    const server = createServer({ allowHalfOpen: true, noDelay: true }, (socket) => this.onConnection(listener, socket));
    let host = config.address;
    if (!config.bindToPort && (host === '0.0.0.0' || host === '::')) host = this.options.virtualBindAddress ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error) => reject(new Error(`listener ${config.name}: cannot bind ${host}:${config.port}: ${error.message}`)));
      server.listen({ host, port: config.port, backlog: 1024 }, () => resolve());
    });
    server.on('error', (error) => this.options.onError?.(config.name, error));
    const address = server.address();
    listener.boundPort = typeof address === 'object' && address ? address.port : config.port;
    listener.server = server;
    return listener;
  }

  private retire(listener: ActiveListener, drain: boolean): void {
    listener.server?.close();
    const chains = allChains(listener);
    if (drain) this.drainChains(chains, listener.connections);
    else for (const chain of chains) chain.destroy();
  }

  private drainChains(chains: readonly FilterChainRuntime[], connections: Set<ConnectionInfo>): void {
    for (const info of connections) info.draining = true;
    for (const chain of chains) chain.drain();
    setTimeout(() => {
      for (const chain of chains) chain.destroy();
    }, this.options.drainMs).unref();
  }

  /** The listener that owns a destination (exact address first, then the wildcard address on that port). */
  private listenerFor(address: string, port: number, except: ActiveListener): ActiveListener | undefined {
    let wildcard: ActiveListener | undefined;
    for (const listener of this.listeners.values()) {
      if (listener === except || listener.config.port !== port) continue;
      if (listener.config.address === address) return listener;
      if (listener.config.address === '0.0.0.0' || listener.config.address === '::') wildcard = listener;
    }
    return wildcard;
  }

  private onConnection(accepting: ActiveListener, socket: Socket): void {
    socket.on('error', () => socket.destroy());
    accepting.sockets.add(socket);
    socket.once('close', () => accepting.sockets.delete(socket));
    let listener = accepting;
    let destination = { address: socket.localAddress ?? '', port: socket.localPort ?? 0 };
    if (accepting.config.useOriginalDst) {
      destination = this.options.originalDestination?.(socket) ?? destination;
      listener = this.listenerFor(destination.address, destination.port, accepting) ?? accepting;
    } else if (!accepting.config.bindToPort) {
      // Local mode: a virtual listener bound directly stands for its own address and port.
      destination = { address: accepting.config.address, port: accepting.config.port };
    }
    listener.stats.cxTotal.value++;
    if (!listener.needsBytes) {
      this.dispatch(listener, socket, destination, undefined);
      return;
    }
    let buffered: Buffer = Buffer.alloc(0);
    const timer = setTimeout(() => finish(), listener.config.listenerFiltersTimeoutMs || 15_000);
    const onData = (chunk: Buffer) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      if (parseClientHello(buffered).kind !== 'need-more' || buffered.length > 16_384) finish();
    };
    const finish = () => {
      clearTimeout(timer);
      socket.removeListener('data', onData);
      socket.pause();
      if (buffered.length > 0) socket.unshift(buffered);
      this.dispatch(listener, socket, destination, buffered);
    };
    socket.on('data', onData);
    socket.once('end', () => {
      clearTimeout(timer);
      socket.removeListener('data', onData);
    });
  }

  private dispatch(listener: ActiveListener, socket: Socket, destination: { address: string; port: number }, firstBytes: Buffer | undefined): void {
    const hello = firstBytes ? parseClientHello(firstBytes) : { kind: 'not-tls' as const };
    const tlsHello = hello.kind === 'tls' ? hello.hello : undefined;
    let applicationProtocols: readonly string[] = tlsHello?.alpn ?? [];
    if (!tlsHello && listener.config.inspectHttp && firstBytes) {
      applicationProtocols = firstBytes.subarray(0, 3).toString('latin1') === 'PRI' ? ['h2c'] : ['http/1.1'];
    }
    const facts: ConnectionFacts = {
      destinationAddress: destination.address,
      destinationPort: destination.port,
      sourceAddress: socket.remoteAddress ?? '',
      sourcePort: socket.remotePort ?? 0,
      serverName: tlsHello?.serverName ?? '',
      transportProtocol: tlsHello ? 'tls' : 'raw_buffer',
      applicationProtocols,
    };
    const chain = selectFilterChain(listener.chains, facts) ?? listener.defaultChain;
    if (!chain) {
      listener.stats.noFilterChain.value++;
      socket.destroy();
      return;
    }
    const info: ConnectionInfo = {
      tls: false,
      serverName: facts.serverName,
      localAddress: `${destination.address}:${destination.port}`,
      remoteAddress: facts.sourceAddress,
      remotePort: facts.sourcePort,
      originalDst: destination,
      draining: false,
    };
    const connections = listener.connections;
    connections.add(info);
    socket.once('close', () => connections.delete(info));
    const tls = chain.config.tls;
    if (!tls) {
      (socket as unknown as Record<symbol, ConnectionInfo>)[CONNECTION_INFO] = info;
      chain.accept(socket, info, false, firstBytes);
      socket.resume();
      return;
    }
    let secureContext;
    try {
      secureContext = this.options.certs.serverContext(tls);
    } catch (error: unknown) {
      this.options.onError?.(listener.config.name, error instanceof Error ? error : new Error(String(error)));
      socket.destroy();
      return;
    }
    const alpn = tls.alpn.length > 0 ? [...tls.alpn] : chain.http ? ['h2', 'http/1.1'] : undefined;
    const overJsStream = firstBytes !== undefined && firstBytes.length > 0;
    const secure = new TLSSocket(overJsStream ? replayStream(socket) : socket, {
      isServer: true,
      secureContext,
      ALPNProtocols: alpn,
      requestCert: tls.requireClientCertificate || tls.validation !== undefined,
      rejectUnauthorized: tls.requireClientCertificate,
    });
    secure.on('error', () => secure.destroy());
    secure.once('secure', () => {
      if (tls.validation && tls.validation.subjectAltNames.length > 0) {
        const problem = verifySubjectAltNames(tls.validation, secure.getPeerCertificate());
        if (problem) {
          secure.destroy();
          return;
        }
      }
      const peer = secure.getPeerCertificate();
      const uri = (peer?.subjectaltname ?? '').split(',').map((entry) => entry.trim()).find((entry) => entry.startsWith('URI:'));
      const secureInfo: ConnectionInfo = { ...info, tls: true, principal: uri ? uri.slice(4) : '' };
      connections.delete(info);
      connections.add(secureInfo);
      socket.once('close', () => connections.delete(secureInfo));
      (secure as unknown as Record<symbol, ConnectionInfo>)[CONNECTION_INFO] = secureInfo;
      chain.accept(secure, secureInfo, secure.alpnProtocol ?? false, undefined, overJsStream);
    });
    socket.resume();
  }

  /** Stops accepting everywhere and closes connections after the drain time (SIGTERM, /quitquitquit). */
  async close(drainMs: number): Promise<void> {
    const listeners = [...this.listeners.values()];
    this.listeners.clear();
    for (const listener of listeners) listener.server?.close();
    for (const listener of listeners) {
      for (const info of listener.connections) info.draining = true;
      for (const chain of allChains(listener)) chain.drain();
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(drainMs, 100)).unref());
    for (const listener of listeners) {
      for (const chain of allChains(listener)) chain.destroy();
      for (const socket of listener.sockets) socket.destroy();
    }
  }
}

function allChains(listener: Pick<ActiveListener, 'chains' | 'defaultChain'>): FilterChainRuntime[] {
  return listener.defaultChain ? [...listener.chains, listener.defaultChain] : listener.chains;
}

/** Same address and port (a listener asked for port 0 keeps the port it was given). */
function sameSocket(existing: ActiveListener, next: ListenerConfig): boolean {
  const a = existing.config;
  return a.address === next.address && (a.port === next.port || existing.boundPort === next.port) && a.bindToPort === next.bindToPort;
}

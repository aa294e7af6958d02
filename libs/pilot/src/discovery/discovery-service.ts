import type { ConfigProblem, IstioResource, ResolvedMeshConfig, ServiceEntry } from '@isthmus/config-model';
import { withMeshDefaults } from '@isthmus/config-model';
import type { Logger } from '@isthmus/runtime';
import { AdsCallbacks, AdsConnection, Debouncer, WritableSnapshotCache, shortTypeName } from '@isthmus/xds';
import type { Registry } from 'prom-client';
import type { ConfigSource } from '../config/config-set';
import type { GenerationWarning } from '../generators/route-translation';
import { Proxy, parseProxy } from '../model/proxy';
import { PushContext, buildPushContext } from '../push/push-context';
import { AggregateRegistry } from '../registry/aggregate-registry';
import type { RegistryEvent, ServiceRegistry } from '../registry/registry';
import { ServiceEntryRegistry } from '../registry/serviceentry/registry';
import { PilotMetrics } from './metrics';
import { SnapshotBuilder } from './snapshot-builder';

export interface DiscoveryServiceOptions {
  readonly cache: WritableSnapshotCache;
  /** Platform registries (Kubernetes, Memory); ServiceEntries from config are added automatically. */
  readonly registries: readonly ServiceRegistry[];
  readonly configSources: readonly ConfigSource[];
  /** Mesh config when no config source provides one. */
  readonly mesh?: ResolvedMeshConfig;
  readonly domain?: string;
  readonly logger: Logger;
  readonly metrics: Registry;
  /** Istio's PILOT_DEBOUNCE_AFTER / PILOT_DEBOUNCE_MAX. */
  readonly debounceAfterMs?: number;
  readonly debounceMaxMs?: number;
}

/** A pending push: full (config or services changed) or endpoint-only for some hosts; `since` = first change. */
export interface PushRequest {
  readonly full: boolean;
  readonly hostnames: ReadonlySet<string>;
  readonly since: number;
  readonly reason: string;
}

export interface PushStatus {
  readonly pushes: number;
  readonly lastPushAt?: number;
  readonly lastPushMs?: number;
  readonly lastPushKind?: 'full' | 'endpoints';
  readonly lastReason?: string;
  readonly proxies: number;
  readonly sharedConfigs: number;
  readonly warnings: readonly GenerationWarning[];
  readonly configProblems: readonly ConfigProblem[];
  readonly rejectedSnapshots: readonly { proxy: string; problems: string[] }[];
}

interface ConnectedProxy {
  readonly connection: AdsConnection;
  readonly proxy: Proxy;
  /** `since` of the push the proxy has not yet fully ACKed. */
  pendingSince?: number;
}

export function mergePushRequests(a: PushRequest, b: PushRequest): PushRequest {
  return {
    full: a.full || b.full,
    hostnames: new Set([...a.hostnames, ...b.hostnames]),
    since: Math.min(a.since, b.since),
    reason: a.reason === b.reason ? a.reason : `${a.reason}, ${b.reason}`,
  };
}

/**
 * Pilot's discovery core: watches registries and config sources, debounces changes into pushes, builds one
 * PushContext per push and publishes a snapshot per connected proxy into the cache the ADS server reads.
 */
export class DiscoveryService {
  readonly callbacks: AdsCallbacks;
  readonly metrics: PilotMetrics;
  private readonly serviceEntries = new ServiceEntryRegistry();
  private readonly registry: AggregateRegistry;
  private readonly proxies = new Map<string, ConnectedProxy>();
  private readonly debouncer: Debouncer<PushRequest>;
  private builder: SnapshotBuilder;
  private status: PushStatus;
  private readonly logger: Logger;

  constructor(private readonly options: DiscoveryServiceOptions) {
    this.logger = options.logger;
    this.metrics = new PilotMetrics(options.metrics);
    this.registry = new AggregateRegistry([...options.registries, this.serviceEntries]);
    this.builder = new SnapshotBuilder(this.buildContext());
    this.status = { pushes: 0, proxies: 0, sharedConfigs: 0, warnings: [], configProblems: [], rejectedSnapshots: [] };
    this.debouncer = new Debouncer<PushRequest>({
      afterMs: options.debounceAfterMs ?? 100,
      maxMs: options.debounceMaxMs ?? 10_000,
      merge: mergePushRequests,
      fire: (request) => this.push(request),
      onError: (error) => this.logger.error({ err: error }, 'push failed'),
    });
    this.callbacks = {
      onStreamOpen: (connection) => this.connect(connection),
      onStreamClose: (connection) => this.disconnect(connection),
      onResponse: (_connection, typeUrl) => this.metrics.pushes.labels(shortTypeName(typeUrl).toLowerCase()).inc(),
      onAck: (connection) => this.checkConverged(connection),
      onNack: (connection, typeUrl, version, _nonce, error) => {
        this.metrics.rejects.labels(shortTypeName(typeUrl).toLowerCase()).inc();
        this.logger.warn({ proxy: connection.node.id, type: shortTypeName(typeUrl), version, error }, 'proxy rejected config');
      },
    };
  }

  /** Starts config sources, builds the first push context, then follows changes. */
  async start(): Promise<void> {
    for (const source of this.options.configSources) {
      await source.start();
      source.onChange(() => this.requestPush({ full: true, hostnames: new Set(), since: Date.now(), reason: `config (${source.name})` }));
    }
    this.registry.onChange((event) => this.onRegistryEvent(event));
    await this.push({ full: true, hostnames: new Set(), since: Date.now(), reason: 'startup' });
  }

  requestPush(request: PushRequest): void {
    this.debouncer.push(request);
  }

  /** Pushes anything pending now (tests). */
  flush(): Promise<void> {
    return this.debouncer.flush();
  }

  close(): void {
    this.debouncer.close();
  }

  get pushContext(): PushContext {
    return this.builder.push;
  }

  pushStatus(): PushStatus {
    return this.status;
  }

  connectedProxies(): readonly { connection: AdsConnection; proxy: Proxy }[] {
    return [...this.proxies.values()];
  }

  configResources(): readonly IstioResource[] {
    return this.options.configSources.flatMap((source) => source.current().resources);
  }

  private onRegistryEvent(event: RegistryEvent): void {
    this.requestPush({
      full: event.kind === 'full',
      hostnames: new Set(event.hostnames ?? []),
      since: Date.now(),
      reason: event.kind === 'full' ? 'services' : 'endpoints',
    });
  }

  private buildContext(): PushContext {
    const resources = this.configResources();
    this.serviceEntries.updateQuietly(resources.filter((resource) => resource.kind === 'ServiceEntry') as IstioResource<ServiceEntry>[]);
    const mesh = this.options.configSources[0]?.current().mesh ?? this.options.mesh ?? withMeshDefaults();
    return buildPushContext({ mesh, services: this.registry.services(), endpoints: (host) => this.registry.endpoints(host), resources, domain: this.options.domain });
  }

  private async push(request: PushRequest): Promise<void> {
    const started = Date.now();
    const push = this.buildContext();
    // Endpoint-only changes of EDS services reuse the previous push's clusters, listeners and routes.
    const endpointOnly =
      !request.full && request.hostnames.size > 0 && [...request.hostnames].every((host) => push.serviceByHost.get(host)?.resolution === 'ClientSideLB' && this.builder.push.serviceByHost.has(host));
    this.builder = endpointOnly ? new SnapshotBuilder(push, this.builder, request.hostnames) : new SnapshotBuilder(push);
    const warnings = new Map<string, GenerationWarning>();
    const rejected: { proxy: string; problems: string[] }[] = [];
    const published = new Set<string>();
    for (const entry of this.proxies.values()) {
      if (published.has(entry.connection.key)) continue;
      published.add(entry.connection.key);
      const result = this.publish(entry);
      result.warnings.forEach((warning) => warnings.set(`${warning.resource}|${warning.message}`, warning));
      if (result.rejected) rejected.push({ proxy: entry.proxy.id, problems: result.rejected });
      if (result.changed) entry.pendingSince ??= request.since;
    }
    this.builder.release();
    const elapsed = Date.now() - started;
    this.metrics.pushTime.labels(endpointOnly ? 'endpoints' : 'full').observe(elapsed / 1000);
    this.metrics.services.set(push.services.length);
    this.metrics.virtualServices.set(push.virtualServices.length);
    const warningList = [...warnings.values()];
    this.metrics.generationWarnings.set(warningList.length);
    this.metrics.conflicts.set(warningList.filter((warning) => warning.message.includes('conflict')).length);
    const configProblems = this.options.configSources.flatMap((source) => source.current().problems);
    this.metrics.invalidConfig.set(configProblems.filter((problem) => problem.severity === 'error').length);
    this.status = {
      pushes: this.status.pushes + 1,
      lastPushAt: started,
      lastPushMs: elapsed,
      lastPushKind: endpointOnly ? 'endpoints' : 'full',
      lastReason: request.reason,
      proxies: this.proxies.size,
      sharedConfigs: this.builder.sharedCount,
      warnings: warningList,
      configProblems,
      rejectedSnapshots: rejected,
    };
    this.logger.info({ reason: request.reason, full: !endpointOnly, proxies: this.proxies.size, ms: elapsed, services: push.services.length }, 'push');
  }

  private publish(entry: ConnectedProxy): { warnings: readonly GenerationWarning[]; rejected?: string[]; changed?: boolean } {
    const built = this.builder.build(entry.proxy);
    const result = this.options.cache.setSnapshot(entry.connection.key, built.snapshot);
    if (!result.ok) {
      // Never replace a proxy's last good config with an inconsistent one.
      this.metrics.internalErrors.inc();
      const problems = result.problems.map((problem) => problem.message);
      this.logger.error({ proxy: entry.proxy.id, problems }, 'inconsistent snapshot not published');
      return { warnings: built.warnings, rejected: problems };
    }
    return { warnings: built.warnings, changed: result.changed };
  }

  private connect(connection: AdsConnection): void {
    const parsed = parseProxy(connection.node);
    if (!parsed.ok) {
      this.logger.warn({ node: connection.node.id, error: parsed.error }, 'cannot serve xDS client');
      return;
    }
    const entry: ConnectedProxy = { connection, proxy: parsed.proxy, pendingSince: Date.now() };
    this.proxies.set(connection.id, entry);
    this.metrics.xdsClients.set(this.proxies.size);
    const result = this.publish(entry);
    // A proxy connecting between pushes may surface warnings its kind had not produced yet.
    const known = new Set(this.status.warnings.map((warning) => `${warning.resource}|${warning.message}`));
    const added = result.warnings.filter((warning) => !known.has(`${warning.resource}|${warning.message}`));
    if (added.length > 0 || this.status.proxies !== this.proxies.size) {
      this.status = { ...this.status, proxies: this.proxies.size, warnings: [...this.status.warnings, ...added] };
      this.metrics.generationWarnings.set(this.status.warnings.length);
    }
  }

  private disconnect(connection: AdsConnection): void {
    if (!this.proxies.delete(connection.id)) return;
    this.metrics.xdsClients.set(this.proxies.size);
    if (![...this.proxies.values()].some((entry) => entry.connection.key === connection.key)) this.options.cache.clearSnapshot(connection.key);
  }

  private checkConverged(connection: AdsConnection): void {
    const entry = this.proxies.get(connection.id);
    if (!entry?.pendingSince) return;
    const status = connection.status();
    if (status.some((type) => type.inFlight || type.ackedVersion !== type.sentVersion)) return;
    this.metrics.convergence.observe((Date.now() - entry.pendingSince) / 1000);
    entry.pendingSince = undefined;
  }
}

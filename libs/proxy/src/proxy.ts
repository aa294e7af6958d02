import { createHash } from 'node:crypto';
import type { Cluster__Output, ClusterLoadAssignment__Output, Listener__Output, RouteConfiguration__Output } from '@isthmus/protos';
import { compileCluster } from './config/cluster-config';
import { compileEndpoints } from './config/endpoints-config';
import { compileListener } from './config/listener-config';
import { compileRouteConfiguration } from './config/route-config';
import type { ClusterConfig, ListenerConfig, RouteTable } from './config/types';
import { AccessLogWriter } from './http/access-log-writer';
import { ListenerManager, type OriginalDestinationResolver } from './listener/listener-manager';
import { serverScope, StatsStore, type Stat } from './stats/stats-store';
import { CertStore } from './tls/cert-store';
import { ClusterManager } from './upstream/cluster-manager';

export interface ProxyOptions {
  readonly drainMs: number;
  /** How long a listener waits for its route configurations before it starts anyway (Envoy's initial fetch timeout). */
  readonly warmingTimeoutMs?: number;
  readonly originalDestination?: OriginalDestinationResolver;
  readonly bindVirtualListeners?: boolean;
  readonly virtualBindAddress?: string;
  readonly onError?: (what: string, error: Error) => void;
  /** false: hold and validate config without binding listeners (multi-worker primary). */
  readonly bindListeners?: boolean;
}

/** A resource as received, kept for /config_dump. */
export interface HeldResource<T> {
  readonly name: string;
  readonly value: T;
  readonly version: string;
  readonly lastUpdated: string;
}

export interface NamedResource<T> {
  readonly name: string;
  readonly value: T;
}

/**
 * The data-plane engine: takes decoded xDS resources, compiles and validates them (a bad resource rejects the whole
 * update with a message naming resource and field, and the last good config keeps serving), and runs clusters,
 * listeners and route tables. Listeners wait for their RDS route tables before they replace the previous version.
 */
export class ProxyEngine {
  readonly stats = new StatsStore();
  readonly certs = new CertStore();
  readonly accessLog = new AccessLogWriter();
  readonly clusters: ClusterManager;
  readonly listeners: ListenerManager;
  readonly held = {
    clusters: new Map<string, HeldResource<Cluster__Output>>(),
    endpoints: new Map<string, HeldResource<ClusterLoadAssignment__Output>>(),
    listeners: new Map<string, HeldResource<Listener__Output>>(),
    routes: new Map<string, HeldResource<RouteConfiguration__Output>>(),
  };
  private routeTables = new Map<string, RouteTable>();
  private warming: { configs: ListenerConfig[]; resolve: () => void; timer: NodeJS.Timeout } | undefined;
  /** Settles when the latest listener set is bound (after warming). */
  private listenersSettled: Promise<void> = Promise.resolve();
  private listenersApplied = false;
  private readonly updatesRejected: Stat;
  private readonly updatesAccepted: Stat;

  constructor(private readonly options: ProxyOptions) {
    this.clusters = new ClusterManager({ stats: this.stats, certs: this.certs, onError: (name, error) => options.onError?.(`cluster ${name}`, error) });
    this.listeners = new ListenerManager({
      stats: this.stats,
      clusters: this.clusters,
      certs: this.certs,
      accessLog: this.accessLog,
      rds: (name) => this.routeTables.get(name),
      drainMs: options.drainMs,
      originalDestination: options.originalDestination,
      bindVirtualListeners: options.bindVirtualListeners,
      virtualBindAddress: options.virtualBindAddress,
      bind: options.bindListeners,
      onError: (name, error) => options.onError?.(`listener ${name}`, error),
    });
    this.updatesRejected = this.stats.counter(serverScope, 'config_updates_rejected');
    this.updatesAccepted = this.stats.counter(serverScope, 'config_updates_accepted');
  }

  /** True once listeners from LDS are bound (Istio's readiness: config received and listeners up). */
  get ready(): boolean {
    return this.listenersApplied && this.clusters.warming().length === 0;
  }

  routeTable(name: string): RouteTable | undefined {
    return this.routeTables.get(name);
  }

  /** CDS (state of the world). Returns the EDS service names to subscribe to. */
  applyClusters(resources: readonly NamedResource<Cluster__Output>[], version: string): string[] {
    const compiled = this.compileAll(resources, compileCluster);
    this.clusters.setClusters(compiled.map(({ resource, config }) => ({ config, fingerprint: fingerprint(resource.value) })));
    this.hold(this.held.clusters, resources, version);
    return this.clusters.edsServiceNames();
  }

  /** EDS: assignments by service name. */
  applyEndpoints(resources: readonly NamedResource<ClusterLoadAssignment__Output>[], version: string): void {
    const compiled = this.compileAll(resources, (value) => compileEndpoints(value, `cluster_load_assignment ${value.cluster_name}`));
    for (const { resource, config } of compiled) this.clusters.setEndpoints(resource.value.cluster_name, config);
    this.hold(this.held.endpoints, resources, version, true);
  }

  /**
   * LDS (state of the world). Compiles every listener first; listeners that need route tables not received yet wait
   * (up to the warming timeout) and the previous listeners keep serving. Resolves once bound; returns the RDS names.
   */
  async applyListeners(resources: readonly NamedResource<Listener__Output>[], version: string): Promise<string[]> {
    const compiledListeners = this.compileAll(resources, compileListener);
    const compiled = compiledListeners.map(({ config }) => config);
    const fingerprints = new Map(compiledListeners.map(({ resource, config }) => [config.name, fingerprint(resource.value)]));
    this.hold(this.held.listeners, resources, version);
    const rdsNames = [...new Set(compiled.flatMap((config) => config.rdsNames))];
    const missing = rdsNames.filter((name) => !this.routeTables.has(name));
    if (this.warming) {
      clearTimeout(this.warming.timer);
      this.warming.resolve();
      this.warming = undefined;
    }
    if (missing.length === 0) {
      const binding = this.bind(compiled, fingerprints);
      this.listenersSettled = binding.catch(() => undefined);
      await binding;
      return rdsNames;
    }
    // Warm: bind when RDS arrives (applyRoutes) or after the timeout, without holding up the ACK.
    let settle: () => void = () => undefined;
    this.listenersSettled = new Promise<void>((resolve) => (settle = resolve));
    const activate = () => {
      if (this.warming?.configs !== compiled) return settle();
      clearTimeout(this.warming.timer);
      this.warming = undefined;
      this.bind(compiled, fingerprints)
        .catch((error: unknown) => this.options.onError?.('listeners', error instanceof Error ? error : new Error(String(error))))
        .finally(settle);
    };
    this.warming = { configs: compiled, resolve: () => undefined, timer: setTimeout(activate, this.options.warmingTimeoutMs ?? 15_000) };
    this.warming.timer.unref();
    this.warming.resolve = activate;
    return rdsNames;
  }

  /** Resolves once the latest listeners are bound (or failed to bind), i.e. after any warming. */
  settled(): Promise<void> {
    return this.listenersSettled;
  }

  private async bind(configs: ListenerConfig[], fingerprints: ReadonlyMap<string, string>): Promise<void> {
    await this.listeners.setListeners(configs, fingerprints);
    this.listenersApplied = true;
  }

  /** RDS: the route tables for the requested names (replaces the set). */
  applyRoutes(resources: readonly NamedResource<RouteConfiguration__Output>[], version: string): void {
    const compiled = this.compileAll(resources, compileRouteConfiguration);
    const tables = new Map(this.routeTables);
    for (const { config } of compiled) tables.set(config.name, config);
    this.routeTables = tables;
    this.hold(this.held.routes, resources, version, true);
    const warming = this.warming;
    if (warming && warming.configs.every((config) => config.rdsNames.every((name) => tables.has(name)))) warming.resolve();
  }

  /** Compiles every resource; any failure rejects the whole update with every problem listed. */
  private compileAll<T, C>(resources: readonly NamedResource<T>[], compile: (value: T) => C): { resource: NamedResource<T>; config: C }[] {
    const problems: string[] = [];
    const compiled: { resource: NamedResource<T>; config: C }[] = [];
    for (const resource of resources) {
      try {
        compiled.push({ resource, config: compile(resource.value) });
      } catch (error: unknown) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
    }
    if (problems.length > 0) {
      this.updatesRejected.value++;
      throw new Error(problems.join('; '));
    }
    this.updatesAccepted.value++;
    return compiled;
  }

  private hold<T>(target: Map<string, HeldResource<T>>, resources: readonly NamedResource<T>[], version: string, merge = false): void {
    if (!merge) target.clear();
    const lastUpdated = new Date().toISOString();
    for (const resource of resources) target.set(resource.name, { name: resource.name, value: resource.value, version, lastUpdated });
  }

  /** Static config (tests, file bootstrap): the same compile path as xDS. */
  async applyStatic(config: {
    clusters?: readonly Cluster__Output[];
    endpoints?: readonly ClusterLoadAssignment__Output[];
    listeners?: readonly Listener__Output[];
    routes?: readonly RouteConfiguration__Output[];
  }): Promise<void> {
    if (config.clusters) this.applyClusters(config.clusters.map((value) => ({ name: value.name, value })), 'static');
    if (config.endpoints) this.applyEndpoints(config.endpoints.map((value) => ({ name: value.cluster_name, value })), 'static');
    if (config.routes) this.applyRoutes(config.routes.map((value) => ({ name: value.name, value })), 'static');
    if (config.listeners) await this.applyListeners(config.listeners.map((value) => ({ name: value.name, value })), 'static');
  }

  clusterConfigs(): ClusterConfig[] {
    return [...this.clusters.all()].map((cluster) => cluster.config);
  }

  async close(drainMs = 0): Promise<void> {
    if (this.warming) clearTimeout(this.warming.timer);
    await this.listeners.close(drainMs);
    this.clusters.close();
    this.accessLog.close();
  }
}

/** A digest of the decoded resource: equal for unchanged resources, and small to keep (a Cluster's JSON is ~1.4 kB). */
function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64');
}

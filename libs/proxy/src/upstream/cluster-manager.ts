import { lookup } from 'node:dns/promises';
import type { ClusterConfig, EndpointConfig } from '../config/types';
import type { StatsStore } from '../stats/stats-store';
import type { CertStore } from '../tls/cert-store';
import { ClusterRuntime } from './cluster';

export interface ClusterManagerOptions {
  readonly stats: StatsStore;
  readonly certs: CertStore;
  readonly onError?: (cluster: string, error: Error) => void;
}

/**
 * Holds the active clusters. CDS replaces the set: unchanged clusters are kept as they are (pools and ejections
 * survive), changed ones are rebuilt and keep their last endpoints until EDS sends new ones, removed ones close.
 */
export class ClusterManager {
  private readonly clusters = new Map<string, ClusterRuntime>();
  private readonly configs = new Map<string, string>();
  /** Last ClusterLoadAssignment per EDS service name, kept across cluster updates. */
  private readonly assignments = new Map<string, readonly EndpointConfig[]>();
  private readonly dnsTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly options: ClusterManagerOptions) {}

  get(name: string): ClusterRuntime | undefined {
    return this.clusters.get(name);
  }

  all(): IterableIterator<ClusterRuntime> {
    return this.clusters.values();
  }

  /** Applies a full CDS state; `fingerprints` identify unchanged clusters (e.g. their encoded bytes). */
  setClusters(configs: readonly { config: ClusterConfig; fingerprint: string }[]): void {
    const next = new Set(configs.map(({ config }) => config.name));
    for (const [name, cluster] of this.clusters) {
      if (!next.has(name)) {
        this.closeCluster(name, cluster);
      }
    }
    for (const { config, fingerprint } of configs) {
      const existing = this.clusters.get(config.name);
      if (existing && this.configs.get(config.name) === fingerprint) continue;
      const runtime = new ClusterRuntime(config, this.options.stats, this.options.certs);
      if (config.type === 'EDS') {
        const known = this.assignments.get(config.edsServiceName) ?? (existing?.warm ? existing.hosts.map(hostToEndpoint) : undefined);
        if (known) {
          runtime.setEndpoints(known);
          runtime.warm = true;
        }
      }
      if (existing) this.closeCluster(config.name, existing);
      this.clusters.set(config.name, runtime);
      this.configs.set(config.name, fingerprint);
      if (config.type === 'STRICT_DNS' || config.type === 'LOGICAL_DNS') this.startDns(runtime);
    }
  }

  /** Applies EDS: endpoints for every cluster whose service name is `serviceName`. */
  setEndpoints(serviceName: string, endpoints: readonly EndpointConfig[]): void {
    this.assignments.set(serviceName, endpoints);
    for (const cluster of this.clusters.values()) {
      if (cluster.config.type === 'EDS' && cluster.config.edsServiceName === serviceName) {
        cluster.setEndpoints(endpoints);
        cluster.warm = true;
      }
    }
  }

  /** EDS service names the proxy needs (to subscribe to). */
  edsServiceNames(): string[] {
    return [...this.clusters.values()].filter((cluster) => cluster.config.type === 'EDS').map((cluster) => cluster.config.edsServiceName);
  }

  /** Clusters still waiting for their endpoints. */
  warming(): string[] {
    return [...this.clusters.values()].filter((cluster) => !cluster.warm).map((cluster) => cluster.config.name);
  }

  private closeCluster(name: string, cluster: ClusterRuntime): void {
    const timer = this.dnsTimers.get(name);
    if (timer) clearTimeout(timer);
    this.dnsTimers.delete(name);
    this.clusters.delete(name);
    this.configs.delete(name);
    // Let in-flight requests finish on the old pools; idle sockets close now.
    setTimeout(() => cluster.close(), 5_000).unref();
  }

  /** STRICT_DNS: resolve every endpoint's name to all its addresses, now and every dns_refresh_rate. */
  private startDns(cluster: ClusterRuntime): void {
    const resolve = async () => {
      try {
        const endpoints: EndpointConfig[] = [];
        const names = cluster.config.type === 'LOGICAL_DNS' ? cluster.config.endpoints.slice(0, 1) : cluster.config.endpoints;
        for (const endpoint of names) {
          const addresses = await lookup(endpoint.address, { all: true });
          const chosen = cluster.config.type === 'LOGICAL_DNS' ? addresses.slice(0, 1) : addresses;
          for (const { address } of chosen) endpoints.push({ ...endpoint, address });
        }
        if (this.clusters.get(cluster.config.name) !== cluster) return;
        cluster.setEndpoints(endpoints);
        cluster.warm = true;
      } catch (error: unknown) {
        this.options.onError?.(cluster.config.name, error instanceof Error ? error : new Error(String(error)));
        cluster.warm = true;
      }
      if (this.clusters.get(cluster.config.name) !== cluster) return;
      const timer = setTimeout(() => void resolve(), cluster.config.dnsRefreshMs);
      timer.unref();
      this.dnsTimers.set(cluster.config.name, timer);
    };
    void resolve();
  }

  close(): void {
    for (const timer of this.dnsTimers.values()) clearTimeout(timer);
    for (const cluster of this.clusters.values()) cluster.close();
    this.clusters.clear();
  }
}

function hostToEndpoint(host: { address: string; port: number; weight: number; healthy: boolean; priority: number }): EndpointConfig {
  return { address: host.address, port: host.port, weight: host.weight, healthy: host.healthy, priority: host.priority, locality: '' };
}

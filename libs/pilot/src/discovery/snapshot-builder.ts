import { Snapshot, packCluster, packEndpoints, packListener, packRoute } from '@isthmus/xds';
import type { XdsResource } from '@isthmus/xds';
import { buildEndpoints } from '../generators/endpoints';
import { generateSharedConfig, generateWorkloadConfig, sharedConfigKey } from '../generators/generate';
import type { GenerationWarning } from '../generators/route-translation';
import type { Proxy } from '../model/proxy';
import type { PushContext } from '../push/push-context';

interface SharedPart {
  readonly clusters: readonly XdsResource[];
  readonly endpoints: readonly XdsResource[];
  readonly listeners: readonly XdsResource[];
  readonly routes: readonly XdsResource[];
  readonly warnings: readonly GenerationWarning[];
}

/** The host of an `outbound|port|subset|host` name. */
function hostOf(clusterName: string): string {
  return clusterName.slice(clusterName.lastIndexOf('|') + 1);
}

export interface BuiltSnapshot {
  readonly snapshot: Snapshot;
  readonly warnings: readonly GenerationWarning[];
}

/**
 * Builds snapshots for one PushContext. The workload-independent part is generated and encoded once per
 * `sharedConfigKey` and shared by every proxy with that key, so a push to N identical sidecars costs one generation.
 */
export class SnapshotBuilder {
  private readonly shared = new Map<string, SharedPart>();
  private readonly snapshots = new Map<string, Snapshot>();

  /**
   * `previous` + `changedHosts`: an endpoint-only push. Shared parts of the previous push are reused and only the
   * ClusterLoadAssignments of the changed hosts are regenerated.
   */
  constructor(
    readonly push: PushContext,
    private previous?: SnapshotBuilder,
    private readonly changedHosts?: ReadonlySet<string>,
  ) {}

  build(proxy: Proxy): BuiltSnapshot {
    const key = sharedConfigKey(this.push, proxy);
    let part = this.shared.get(key);
    if (!part) {
      part = this.incremental(key, proxy) ?? this.generate(proxy);
      this.shared.set(key, part);
    }
    const own = generateWorkloadConfig(this.push, proxy);
    const ownResources = [...own.clusters.map(packCluster), ...own.listeners.map(packListener)];
    // Proxies whose own side is identical too (e.g. many sidecars without inbound ports) share one snapshot object.
    const snapshotKey = `${key}#${ownResources.map((resource) => `${resource.name}=${resource.hash}`).join(',')}`;
    let snapshot = this.snapshots.get(snapshotKey);
    if (!snapshot) {
      snapshot = Snapshot.of([...part.clusters, ...part.endpoints, ...part.listeners, ...part.routes, ...ownResources]);
      this.snapshots.set(snapshotKey, snapshot);
    }
    return { snapshot, warnings: part.warnings };
  }

  private generate(proxy: Proxy): SharedPart {
    const config = generateSharedConfig(this.push, proxy);
    return {
      clusters: config.clusters.map(packCluster),
      endpoints: config.endpoints.map(packEndpoints),
      listeners: config.listeners.map(packListener),
      routes: config.routes.map(packRoute),
      warnings: config.warnings,
    };
  }

  private incremental(key: string, proxy: Proxy): SharedPart | undefined {
    const before = this.previous?.shared.get(key);
    if (!before || !this.changedHosts) return undefined;
    const changed = this.changedHosts;
    const kept = before.endpoints.filter((resource) => !changed.has(hostOf(resource.name)));
    const fresh = buildEndpoints(this.push, proxy, changed).map(packEndpoints);
    return { ...before, endpoints: [...kept, ...fresh] };
  }

  /** Forgets the previous push (called once this push is published, so builders do not chain in memory). */
  release(): void {
    this.previous = undefined;
  }

  /** Distinct shared configurations generated so far (for push status). */
  get sharedCount(): number {
    return this.shared.size;
  }
}

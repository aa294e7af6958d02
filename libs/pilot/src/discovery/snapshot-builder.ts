import { Snapshot, XdsResource, packCluster, packEndpoints, packListener, packRoute } from '@isthmus/xds';
import { generateSharedConfig, generateWorkloadConfig, sharedConfigKey } from '../generators/generate';
import type { GenerationWarning } from '../generators/route-translation';
import type { Proxy } from '../model/proxy';
import type { PushContext } from '../push/push-context';

interface SharedPart {
  readonly resources: readonly XdsResource[];
  readonly warnings: readonly GenerationWarning[];
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

  constructor(readonly push: PushContext) {}

  build(proxy: Proxy): BuiltSnapshot {
    const key = sharedConfigKey(this.push, proxy);
    let part = this.shared.get(key);
    if (!part) {
      const config = generateSharedConfig(this.push, proxy);
      part = {
        resources: [...config.clusters.map(packCluster), ...config.endpoints.map(packEndpoints), ...config.listeners.map(packListener), ...config.routes.map(packRoute)],
        warnings: config.warnings,
      };
      this.shared.set(key, part);
    }
    const own = generateWorkloadConfig(this.push, proxy);
    const ownResources = [...own.clusters.map(packCluster), ...own.listeners.map(packListener)];
    // Proxies whose own side is identical too (e.g. many sidecars without inbound ports) share one snapshot object.
    const snapshotKey = `${key}#${ownResources.map((resource) => `${resource.name}=${resource.hash}`).join(',')}`;
    let snapshot = this.snapshots.get(snapshotKey);
    if (!snapshot) {
      snapshot = Snapshot.of([...part.resources, ...ownResources]);
      this.snapshots.set(snapshotKey, snapshot);
    }
    return { snapshot, warnings: part.warnings };
  }

  /** Distinct shared configurations generated so far (for push status). */
  get sharedCount(): number {
    return this.shared.size;
  }
}

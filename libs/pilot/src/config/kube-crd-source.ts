import type { KubeConfig } from '@kubernetes/client-node';
import { istioSchemas, validateObject, withMeshDefaults } from '@isthmus/config-model';
import type { ConfigProblem, IstioResource, ResolvedMeshConfig } from '@isthmus/config-model';
import { KubeWatchSet } from '@isthmus/kube';
import type { KubeResourceType } from '@isthmus/kube';
import type { Logger } from '@isthmus/runtime';
import { keepLastGood, ObservableConfigSource, resourceKey } from './config-set';
import { PILOT_MCP_KINDS } from './mcp-source';

export interface KubeCrdSourceOptions {
  readonly kubeConfig: KubeConfig;
  readonly logger: Logger;
  readonly mesh?: ResolvedMeshConfig;
  /** Coalesces bursts of watch events into one change notification. */
  readonly debounceMs?: number;
}

/**
 * Istio config read directly from Kubernetes CRDs (no Galley): watch caches of each kind Pilot uses, re-validated;
 * a resource that fails validation keeps its last good version. CRDs installed after start are picked up.
 */
export class KubeCrdConfigSource extends ObservableConfigSource {
  readonly name = 'kubernetes-crd';
  private readonly watches: KubeWatchSet;
  private lastGood = new Map<string, IstioResource>();
  private timer: NodeJS.Timeout | undefined;
  private readonly types: KubeResourceType[];

  constructor(private readonly options: KubeCrdSourceOptions) {
    super(options.mesh ?? withMeshDefaults());
    const types: KubeResourceType[] = PILOT_MCP_KINDS.map((kind) => {
      const descriptor = istioSchemas.byKind(kind);
      if (!descriptor) throw new Error(`no schema for ${kind}`);
      return { group: descriptor.group, version: descriptor.version, kind, plural: descriptor.plural, namespaced: descriptor.scope === 'Namespaced' };
    });
    this.watches = new KubeWatchSet({ kubeConfig: options.kubeConfig, logger: options.logger, types });
    this.watches.onEvent(() => this.schedule());
    this.types = types;
  }

  async start(): Promise<void> {
    await this.watches.start();
    this.rebuild();
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.watches.stop();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.rebuild();
      this.notify();
    }, this.options.debounceMs ?? 20);
  }

  private rebuild(): void {
    const accepted: IstioResource[] = [];
    const rejected = new Set<string>();
    const problems: ConfigProblem[] = [];
    for (const type of this.types) {
      const apiVersion = `${type.group}/${type.version}`;
      for (const object of this.watches.list(type)) {
        // Listed items carry no apiVersion/kind; the watched type says what they are.
        const result = validateObject({ ...object, apiVersion, kind: type.kind }, {});
        problems.push(...result.problems);
        const resource = result.object?.resource;
        if (!resource) continue;
        if (result.problems.some((problem) => problem.severity === 'error')) rejected.add(resourceKey(resource));
        else accepted.push(resource);
      }
    }
    const merged = keepLastGood(accepted, rejected, this.lastGood);
    this.lastGood = new Map(merged.map((resource) => [resourceKey(resource), resource]));
    this.state = { resources: merged, mesh: this.state.mesh, problems };
  }
}

import type { ConfigProblem, IstioResource, ResolvedMeshConfig } from '@isthmus/config-model';

/** Everything config sources know at one moment: accepted Istio resources, the mesh config, and what was rejected. */
export interface ConfigSet {
  readonly resources: readonly IstioResource[];
  readonly mesh: ResolvedMeshConfig;
  readonly problems: readonly ConfigProblem[];
}

/** A source of Istio config (a directory, Galley over MCP, Kubernetes CRDs). */
export interface ConfigSource {
  readonly name: string;
  /** Loads the initial state; resolves once `current()` is meaningful. */
  start(): Promise<void>;
  current(): ConfigSet;
  /** Called after every change of `current()`. */
  onChange(listener: () => void): () => void;
  close(): Promise<void>;
}

/** What every source shares: the current ConfigSet and the listeners told after each change. */
export abstract class ObservableConfigSource implements ConfigSource {
  abstract readonly name: string;
  protected state: ConfigSet;
  private readonly listeners = new Set<() => void>();

  protected constructor(mesh: ResolvedMeshConfig) {
    this.state = { resources: [], mesh, problems: [] };
  }

  abstract start(): Promise<void>;
  abstract close(): Promise<void>;

  current(): ConfigSet {
    return this.state;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected notify(): void {
    for (const listener of this.listeners) listener();
  }
}

export function resourceKey(resource: Pick<IstioResource, 'kind' | 'metadata'>): string {
  return `${resource.kind}/${resource.metadata.namespace ?? ''}/${resource.metadata.name}`;
}

/**
 * Merges a new load with the last accepted one: a resource whose new version is rejected keeps its last good version,
 * so one bad edit never removes working config.
 */
export function keepLastGood(
  accepted: readonly IstioResource[],
  rejectedKeys: ReadonlySet<string>,
  previous: ReadonlyMap<string, IstioResource>,
): IstioResource[] {
  const byKey = new Map(accepted.map((resource) => [resourceKey(resource), resource]));
  for (const key of rejectedKeys) {
    const last = previous.get(key);
    if (last && !byKey.has(key)) byKey.set(key, last);
  }
  return [...byKey.values()].sort((a, b) => (resourceKey(a) < resourceKey(b) ? -1 : 1));
}

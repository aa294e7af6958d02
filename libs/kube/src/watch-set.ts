import type { KubeConfig, KubernetesObject, V1CustomResourceDefinition } from '@kubernetes/client-node';
import type { Logger } from '@isthmus/runtime';
import { crdNameOf, typeLabel, type KubeResourceType } from './resource-type';
import { WatchCache, type WatchEventType } from './watch-cache';

export interface WatchSetOptions {
  readonly kubeConfig: KubeConfig;
  readonly logger: Logger;
  readonly types: readonly KubeResourceType[];
  readonly resyncMs?: number;
  readonly backoff?: { initialMs: number; maxMs: number };
}

export type WatchSetListener = (type: KubeResourceType, event: WatchEventType, object: KubernetesObject) => void;

export interface WatchedTypeStatus {
  readonly type: string;
  readonly state: 'waiting-for-crd' | 'syncing' | 'synced';
  readonly objects: number;
  readonly error?: string;
}

const CRD_TYPE: KubeResourceType = {
  group: 'apiextensions.k8s.io',
  version: 'v1',
  kind: 'CustomResourceDefinition',
  plural: 'customresourcedefinitions',
  namespaced: false,
};

/**
 * Watch caches for a set of types. Core types are watched at once; a custom type is watched from the moment its CRD
 * is established (so CRDs installed after start are picked up) and dropped, with deletes, when its CRD goes away.
 * A type whose CRD is absent counts as synced and empty.
 */
export class KubeWatchSet {
  private readonly caches = new Map<KubeResourceType, WatchCache>();
  private readonly listeners: WatchSetListener[] = [];
  private readonly crds: WatchCache<V1CustomResourceDefinition>;
  private readonly custom: readonly KubeResourceType[];
  private synced = false;

  constructor(private readonly options: WatchSetOptions) {
    this.custom = options.types.filter((type) => type.group !== '' && !type.group.endsWith('.k8s.io') && !isBuiltinGroup(type.group));
    this.crds = new WatchCache<V1CustomResourceDefinition>({ ...options, type: CRD_TYPE });
    this.crds.onEvent((event, crd) => this.onCrd(event, crd));
  }

  async start(): Promise<void> {
    const builtin = this.options.types.filter((type) => !this.custom.includes(type));
    const starts = builtin.map((type) => this.startType(type));
    if (this.custom.length > 0) {
      await this.crds.start();
      for (const crd of this.crds.list()) this.onCrd('add', crd);
    }
    await Promise.all([...starts, ...[...this.caches.values()].map((cache) => cache.whenSynced())]);
    this.synced = true;
  }

  async stop(): Promise<void> {
    await Promise.all([this.crds.stop(), ...[...this.caches.values()].map((cache) => cache.stop())]);
  }

  hasSynced(): boolean {
    return this.synced;
  }

  onEvent(listener: WatchSetListener): void {
    this.listeners.push(listener);
  }

  list(type: KubeResourceType): KubernetesObject[] {
    return this.caches.get(type)?.list() ?? [];
  }

  status(): WatchedTypeStatus[] {
    return this.options.types.map((type) => {
      const cache = this.caches.get(type);
      if (!cache) return { type: typeLabel(type), state: 'waiting-for-crd', objects: 0 };
      const error = cache.lastError();
      return { type: typeLabel(type), state: cache.hasSynced() ? 'synced' : 'syncing', objects: cache.list().length, ...(error ? { error } : {}) };
    });
  }

  private startType(type: KubeResourceType): Promise<void> {
    if (this.caches.has(type)) return this.caches.get(type)?.whenSynced() ?? Promise.resolve();
    const cache = new WatchCache({ ...this.options, type });
    cache.onEvent((event, object) => this.emit(type, event, object));
    this.caches.set(type, cache);
    this.options.logger.info({ type: typeLabel(type) }, 'watching');
    return cache.start();
  }

  private onCrd(event: WatchEventType, crd: V1CustomResourceDefinition): void {
    const name = crd.metadata?.name ?? '';
    for (const type of this.custom.filter((candidate) => crdNameOf(candidate) === name)) {
      const serves = crd.spec?.versions?.some((version) => version.name === type.version && version.served) ?? false;
      const established = crd.status?.conditions?.some((condition) => condition.type === 'Established' && condition.status === 'True') ?? false;
      if (event !== 'delete' && serves && established) {
        void this.startType(type);
      } else if (event === 'delete' || !serves) {
        void this.dropType(type);
      }
    }
  }

  private async dropType(type: KubeResourceType): Promise<void> {
    const cache = this.caches.get(type);
    if (!cache) return;
    this.caches.delete(type);
    await cache.stop();
    for (const object of cache.list()) this.emit(type, 'delete', object);
    this.options.logger.info({ type: typeLabel(type) }, 'CRD removed; stopped watching');
  }

  private emit(type: KubeResourceType, event: WatchEventType, object: KubernetesObject): void {
    for (const listener of this.listeners) listener(type, event, object);
  }
}

function isBuiltinGroup(group: string): boolean {
  return ['apps', 'batch', 'policy', 'autoscaling'].includes(group);
}

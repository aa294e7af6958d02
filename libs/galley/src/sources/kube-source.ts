import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import { KubeWatchSet, type KubeResourceType, type WatchedTypeStatus } from '@isthmus/kube';
import type { Logger } from '@isthmus/runtime';
import type { ConfigSchemaPort, ConfigSource, KindInfo, RawResource } from '../model';
import { kubeTypeOf, toRawResource } from './kube-conversion';

export interface KubeSourceOptions {
  readonly kubeConfig: KubeConfig;
  readonly schema: ConfigSchemaPort;
  readonly logger: Logger;
  readonly resyncMs?: number;
}

/** Config from the API server: every kind of the schema (Istio CRDs and k8s/core kinds), watched. */
export class KubeSource implements ConfigSource {
  readonly name = 'kubernetes';
  private readonly watches: KubeWatchSet;
  private readonly kindByType = new Map<KubeResourceType, KindInfo>();
  private readonly resourcesByKey = new Map<string, RawResource>();
  private readonly listeners: (() => void)[] = [];

  constructor(options: KubeSourceOptions) {
    for (const kind of options.schema.kinds()) this.kindByType.set(kubeTypeOf(kind), kind);
    this.watches = new KubeWatchSet({
      kubeConfig: options.kubeConfig,
      logger: options.logger,
      types: [...this.kindByType.keys()],
      resyncMs: options.resyncMs,
    });
    this.watches.onEvent((type, event, object) => this.onEvent(type, event, object));
  }

  start(): Promise<void> {
    return this.watches.start();
  }

  stop(): Promise<void> {
    return this.watches.stop();
  }

  hasSynced(): boolean {
    return this.watches.hasSynced();
  }

  resources(): Iterable<RawResource> {
    return this.resourcesByKey.values();
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  details(): { types: WatchedTypeStatus[] } {
    return { types: this.watches.status() };
  }

  private onEvent(type: KubeResourceType, event: string, object: KubernetesObject): void {
    const kind = this.kindByType.get(type);
    if (!kind) return;
    const key = `${kind.collection}|${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
    if (event === 'delete') {
      this.resourcesByKey.delete(key);
    } else {
      const previous = this.resourcesByKey.get(key);
      // A resync replays unchanged objects: keep the same RawResource so nothing is re-validated.
      if (previous && previous.resourceVersion === object.metadata?.resourceVersion) return;
      this.resourcesByKey.set(key, toRawResource(kind, object));
    }
    for (const listener of this.listeners) listener();
  }
}

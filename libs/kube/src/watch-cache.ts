import { Backoff, type Logger } from '@isthmus/runtime';
import { KubeConfig, KubernetesObjectApi, ListWatch, Watch, type KubernetesListObject, type KubernetesObject } from '@kubernetes/client-node';
import { toPlainObject } from './plain';
import { apiVersionOf, collectionPath, typeLabel, type KubeResourceType } from './resource-type';

export type WatchEventType = 'add' | 'update' | 'delete' | 'resync';
export type WatchListener<T> = (event: WatchEventType, object: T) => void;

export interface WatchCacheOptions {
  readonly kubeConfig: KubeConfig;
  readonly type: KubeResourceType;
  readonly logger: Logger;
  readonly backoff?: { initialMs: number; maxMs: number };
  /** Replays every cached object to listeners as `resync` at this interval (0 = never), like client-go's resync. */
  readonly resyncMs?: number;
}

/**
 * A list+watch cache of one resource type across all namespaces, on @kubernetes/client-node's ListWatch: it relists on
 * 410 Gone, resumes from the last resourceVersion after a dropped watch, and restarts with backoff after errors.
 */
export class WatchCache<T extends KubernetesObject = KubernetesObject> {
  private readonly objects = new Map<string, T>();
  private readonly listeners: WatchListener<T>[] = [];
  private readonly informer: ListWatch<T>;
  private readonly backoff: Backoff;
  private retryTimer: NodeJS.Timeout | undefined;
  private resyncTimer: NodeJS.Timeout | undefined;
  private synced = false;
  private stopped = false;
  private lastFailure: string | undefined;
  private readonly syncWaiters: (() => void)[] = [];

  constructor(private readonly options: WatchCacheOptions) {
    this.backoff = new Backoff(options.backoff ?? { initialMs: 200, maxMs: 30_000 });
    const objects = KubernetesObjectApi.makeApiClient(options.kubeConfig);
    const apiVersion = apiVersionOf(options.type);
    const list = async (): Promise<KubernetesListObject<T>> => {
      const result = toPlainObject(await objects.list<T>(apiVersion, options.type.kind));
      this.markSynced();
      return result;
    };
    this.informer = new ListWatch<T>(collectionPath(options.type), new Watch(options.kubeConfig), list, false);
    this.informer.on('add', (object) => this.apply('add', object));
    this.informer.on('update', (object) => this.apply('update', object));
    this.informer.on('delete', (object) => this.apply('delete', object));
    this.informer.on('error', (error: unknown) => this.failed(error));
  }

  get type(): KubeResourceType {
    return this.options.type;
  }

  /** Starts listing and watching; resolves after the first successful list (retrying until then). */
  async start(): Promise<void> {
    this.stopped = false;
    const synced = this.whenSynced();
    await this.informer.start().catch((error: unknown) => this.failed(error));
    if (this.options.resyncMs) {
      this.resyncTimer = setInterval(() => this.resync(), this.options.resyncMs);
      this.resyncTimer.unref();
    }
    await synced;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    await this.informer.stop();
  }

  hasSynced(): boolean {
    return this.synced;
  }

  whenSynced(): Promise<void> {
    return this.synced ? Promise.resolve() : new Promise((resolve) => this.syncWaiters.push(resolve));
  }

  lastError(): string | undefined {
    return this.lastFailure;
  }

  list(): T[] {
    return [...this.objects.values()];
  }

  get(name: string, namespace = ''): T | undefined {
    return this.objects.get(keyOf(namespace, name));
  }

  onEvent(listener: WatchListener<T>): void {
    this.listeners.push(listener);
  }

  private apply(event: 'add' | 'update' | 'delete', received: T): void {
    const object = event === 'delete' ? received : stripManagedFields(received);
    const key = keyOf(object.metadata?.namespace ?? '', object.metadata?.name ?? '');
    if (event === 'delete') this.objects.delete(key);
    else this.objects.set(key, object);
    for (const listener of this.listeners) listener(event, object);
  }

  private resync(): void {
    for (const object of this.objects.values()) for (const listener of this.listeners) listener('resync', object);
  }

  private markSynced(): void {
    this.backoff.reset();
    this.lastFailure = undefined;
    if (this.synced) return;
    // The list's objects are delivered right after this returns; signal on the next turn.
    setImmediate(() => {
      this.synced = true;
      for (const resolve of this.syncWaiters.splice(0)) resolve();
    });
  }

  private failed(error: unknown): void {
    if (this.stopped) return;
    const message = describe(error);
    this.lastFailure = message;
    const delay = this.backoff.next();
    this.options.logger.warn({ type: typeLabel(this.options.type), error: message, retryInMs: delay }, 'watch failed; restarting');
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.stopped) void this.informer.start().catch((next: unknown) => this.failed(next));
    }, delay);
  }
}

function keyOf(namespace: string, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

function stripManagedFields<T extends KubernetesObject>(object: T): T {
  if (!object.metadata?.managedFields) return object;
  const { managedFields: _dropped, ...metadata } = object.metadata;
  return { ...object, metadata };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null) {
    const record = error as Record<string, unknown>;
    return String(record.message ?? record.code ?? JSON.stringify(error));
  }
  return String(error);
}

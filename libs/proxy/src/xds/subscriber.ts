import type { ChannelCredentials } from '@grpc/grpc-js';
import type { Cluster__Output, ClusterLoadAssignment__Output, Listener__Output, Node, RouteConfiguration__Output } from '@isthmus/protos';
import type { Logger } from '@isthmus/runtime';
import { AdsClient, TYPE_URL, type SubscriptionStatus, type XdsUpdate } from '@isthmus/xds';
import type { NamedResource } from '../proxy';

/** Where xDS updates go: the engine itself, or (with --concurrency) a fan-out to worker processes. */
export interface XdsSink {
  applyClusters(resources: readonly NamedResource<Cluster__Output>[], version: string): string[];
  applyEndpoints(resources: readonly NamedResource<ClusterLoadAssignment__Output>[], version: string): void;
  applyListeners(resources: readonly NamedResource<Listener__Output>[], version: string): Promise<string[]>;
  applyRoutes(resources: readonly NamedResource<RouteConfiguration__Output>[], version: string): void;
}

export interface XdsSubscriberOptions {
  readonly address: string;
  readonly node: Node;
  readonly credentials?: ChannelCredentials;
  readonly logger?: Logger;
  readonly backoff?: { initialMs: number; maxMs: number };
  readonly onConnectionChange?: (connected: boolean) => void;
}

/**
 * The proxy's ADS session: CDS and LDS by wildcard; EDS for the clusters CDS named and RDS for the route tables LDS
 * named. An update that does not compile is NACKed with the error (resource and field) and the previous config keeps
 * serving; while the control plane is unreachable the client reconnects with backoff and jitter.
 */
export class XdsSubscriber {
  readonly client: AdsClient;
  private edsSubscribed = false;
  private rdsSubscribed = false;

  constructor(
    private readonly sink: XdsSink,
    options: XdsSubscriberOptions,
  ) {
    this.client = new AdsClient({
      address: options.address,
      node: options.node,
      credentials: options.credentials,
      logger: options.logger,
      backoff: options.backoff ?? { initialMs: 200, maxMs: 15_000 },
      onConnectionChange: options.onConnectionChange,
    });
  }

  start(): void {
    this.client.subscribe<Cluster__Output>(TYPE_URL.cluster, null, (update) => {
      const names = this.sink.applyClusters(update.resources, update.version);
      this.follow(TYPE_URL.endpoint, names, 'eds');
    });
    this.client.subscribe<Listener__Output>(TYPE_URL.listener, null, async (update) => {
      const names = await this.sink.applyListeners(update.resources, update.version);
      this.follow(TYPE_URL.route, names, 'rds');
    });
    this.client.start();
  }

  private follow(typeUrl: string, names: readonly string[], kind: 'eds' | 'rds'): void {
    if (names.length === 0) return;
    const subscribed = kind === 'eds' ? this.edsSubscribed : this.rdsSubscribed;
    if (subscribed) {
      this.client.setNames(typeUrl, names);
      return;
    }
    if (kind === 'eds') {
      this.edsSubscribed = true;
      this.client.subscribe<ClusterLoadAssignment__Output>(typeUrl, names, (update: XdsUpdate<ClusterLoadAssignment__Output>) =>
        this.sink.applyEndpoints(update.resources, update.version),
      );
    } else {
      this.rdsSubscribed = true;
      this.client.subscribe<RouteConfiguration__Output>(typeUrl, names, (update: XdsUpdate<RouteConfiguration__Output>) =>
        this.sink.applyRoutes(update.resources, update.version),
      );
    }
  }

  status(): SubscriptionStatus[] {
    return [TYPE_URL.cluster, TYPE_URL.endpoint, TYPE_URL.listener, TYPE_URL.route]
      .map((url) => this.client.status(url))
      .filter((status): status is SubscriptionStatus => status !== undefined);
  }

  get connected(): boolean {
    return this.client.connected;
  }

  close(): void {
    this.client.close();
  }
}

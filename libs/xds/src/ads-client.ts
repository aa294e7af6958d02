import { CLIENT_KEEPALIVE_OPTIONS } from '@isthmus/grpc';
import * as grpc from '@grpc/grpc-js';
import { envoyCodec, typeNameOf } from '@isthmus/protos';
import type { DiscoveryRequest, DiscoveryResponse__Output, Node } from '@isthmus/protos';
import { Backoff, BackoffOptions, LogScopes, Logger } from '@isthmus/runtime';
import { adsServiceDefinition } from './ads-service';
import { TYPE_URL, shortTypeName } from './resource-types';

export interface DecodedResource<T> {
  readonly name: string;
  readonly value: T;
}

/**
 * One update: every resource of the type the client currently holds (for endpoints and routes, servers may send only
 * what changed; the client merges that into what it has, so `resources` is always the complete set).
 */
export interface XdsUpdate<T> {
  readonly typeUrl: string;
  readonly version: string;
  readonly resources: readonly DecodedResource<T>[];
}

/** Applies an update; throwing (or rejecting) NACKs it with the error's message and keeps the previous config. */
export type ApplyUpdate<T> = (update: XdsUpdate<T>) => void | Promise<void>;

export interface AdsClientOptions {
  /** `host:port` of the ADS server. */
  readonly address: string;
  readonly credentials?: grpc.ChannelCredentials;
  readonly channelOptions?: grpc.ChannelOptions;
  readonly node: Node;
  readonly logger?: Logger;
  readonly backoff?: BackoffOptions;
  readonly onConnectionChange?: (connected: boolean) => void;
}

export interface SubscriptionStatus {
  readonly typeUrl: string;
  readonly names: readonly string[] | null;
  readonly ackedVersion?: string;
  readonly lastNonce?: string;
  readonly lastError?: string;
  readonly acks: number;
  readonly nacks: number;
}

interface Subscription {
  names: string[] | null;
  /** Accepted resources by name (merged across partial EDS/RDS responses). */
  resources: Map<string, DecodedResource<unknown>>;
  apply: ApplyUpdate<unknown>;
  ackedVersion?: string;
  lastNonce?: string;
  lastError?: string;
  acks: number;
  nacks: number;
}

type AdsCall = grpc.ClientDuplexStream<DiscoveryRequest, DiscoveryResponse__Output>;

const ADS = adsServiceDefinition()['StreamAggregatedResources'] as grpc.MethodDefinition<
  DiscoveryRequest,
  DiscoveryResponse__Output
>;

/** Types whose state-of-the-world responses may carry only changed resources (xDS: all but listeners and clusters). */
const PARTIAL_TYPES: ReadonlySet<string> = new Set([TYPE_URL.endpoint, TYPE_URL.route]);

/**
 * A small state-of-the-world ADS client: subscribe per type (optionally by names), apply each update through a
 * caller-supplied function that decides ACK or NACK, reconnect with backoff and resubscribe after a stream ends.
 * Updates are applied one at a time in arrival order.
 */
export class AdsClient {
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly backoff: Backoff;
  private readonly logger: Logger;
  private client: grpc.Client | undefined;
  private call: AdsCall | undefined;
  private sentNode = false;
  private closed = false;
  private started = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private isConnected = false;

  constructor(private readonly options: AdsClientOptions) {
    this.backoff = new Backoff(options.backoff ?? { initialMs: 100, maxMs: 5_000 });
    this.logger = options.logger ?? new LogScopes('xds-client', new Map([['default', 'warn']])).scope('ads-client');
  }

  /** Subscribes to a type; `names` null = wildcard. Sends the request now if connected. */
  subscribe<T>(typeUrl: string, names: readonly string[] | null, apply: ApplyUpdate<T>): void {
    this.subscriptions.set(typeUrl, {
      names: names ? [...names] : null,
      resources: new Map(),
      apply: apply as ApplyUpdate<unknown>,
      acks: 0,
      nacks: 0,
    });
    this.sendRequest(typeUrl);
  }

  /** Changes the requested names of a subscription (e.g. EDS names after a CDS update). */
  setNames(typeUrl: string, names: readonly string[] | null): void {
    const subscription = this.subscriptions.get(typeUrl);
    if (!subscription) throw new Error(`not subscribed to ${typeUrl}`);
    const next = names ? [...names].sort() : null;
    if (JSON.stringify(next) === JSON.stringify(subscription.names ? [...subscription.names].sort() : null)) return;
    subscription.names = next;
    this.sendRequest(typeUrl);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.connect();
  }

  get connected(): boolean {
    return this.isConnected;
  }

  status(typeUrl: string): SubscriptionStatus | undefined {
    const subscription = this.subscriptions.get(typeUrl);
    if (!subscription) return undefined;
    const { names, ackedVersion, lastNonce, lastError, acks, nacks } = subscription;
    return { typeUrl, names, ackedVersion, lastNonce, lastError, acks, nacks };
  }

  close(): void {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.call?.cancel();
    this.call = undefined;
    this.client?.close();
    this.client = undefined;
    this.setConnected(false);
  }

  private connect(): void {
    if (this.closed) return;
    // Keepalive pings notice a control plane that vanished without closing the stream (then the client reconnects).
    this.client ??= new grpc.Client(
      this.options.address,
      this.options.credentials ?? grpc.credentials.createInsecure(),
      {
        ...CLIENT_KEEPALIVE_OPTIONS,
        ...this.options.channelOptions,
      },
    );
    const call: AdsCall = this.client.makeBidiStreamRequest(ADS.path, ADS.requestSerialize, ADS.responseDeserialize);
    this.call = call;
    this.sentNode = false;
    this.chain = Promise.resolve();
    // Nonces belong to a stream; the new stream starts with the last accepted versions only.
    for (const subscription of this.subscriptions.values()) subscription.lastNonce = undefined;
    call.on('data', (response: DiscoveryResponse__Output) => {
      this.backoff.reset();
      this.setConnected(true);
      this.chain = this.chain.then(() => this.handleResponse(call, response));
    });
    call.on('error', (error: grpc.ServiceError) =>
      this.onStreamEnd(call, `${grpc.status[error.code] ?? error.code}: ${error.details}`),
    );
    call.on('end', () => this.onStreamEnd(call, 'stream ended'));
    call.on('metadata', () => this.setConnected(true));
    for (const typeUrl of this.subscriptions.keys()) this.sendRequest(typeUrl);
  }

  private onStreamEnd(call: AdsCall, reason: string): void {
    if (this.call !== call) return;
    this.call = undefined;
    this.setConnected(false);
    if (this.closed) return;
    const delay = this.backoff.next();
    this.logger.info({ reason, retryInMs: delay }, 'ADS stream ended; reconnecting');
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private setConnected(connected: boolean): void {
    if (this.isConnected === connected) return;
    this.isConnected = connected;
    this.options.onConnectionChange?.(connected);
  }

  private async handleResponse(call: AdsCall, response: DiscoveryResponse__Output): Promise<void> {
    const subscription = this.subscriptions.get(response.type_url);
    if (!subscription || this.call !== call) return;
    subscription.lastNonce = response.nonce;
    let error: string | undefined;
    const resources: DecodedResource<unknown>[] = [];
    for (const any of response.resources) {
      if (any.type_url !== response.type_url) {
        error = `resource of type ${any.type_url} in a ${response.type_url} response`;
        break;
      }
      const decoded = envoyCodec().unpack<{ name?: string; cluster_name?: string }>(any);
      if (!decoded.ok) {
        error = decoded.error;
        break;
      }
      resources.push({ name: decoded.value.name || decoded.value.cluster_name || '', value: decoded.value });
    }
    let merged = new Map(resources.map((resource) => [resource.name, resource]));
    if (PARTIAL_TYPES.has(response.type_url)) {
      merged = new Map([...subscription.resources, ...merged]);
      // Resources the client no longer asks for are dropped.
      if (subscription.names)
        for (const name of [...merged.keys()]) if (!subscription.names.includes(name)) merged.delete(name);
    }
    if (!error) {
      try {
        await subscription.apply({
          typeUrl: response.type_url,
          version: response.version_info,
          resources: [...merged.values()],
        });
      } catch (applyError: unknown) {
        error = applyError instanceof Error ? applyError.message : String(applyError);
      }
    }
    if (error) {
      subscription.nacks++;
      subscription.lastError = error;
      this.logger.warn(
        { type: shortTypeName(response.type_url), version: response.version_info, error },
        'rejecting xDS update',
      );
    } else {
      subscription.acks++;
      subscription.resources = merged;
      subscription.ackedVersion = response.version_info;
      subscription.lastError = undefined;
    }
    this.sendRequest(response.type_url, error);
  }

  private sendRequest(typeUrl: string, error?: string): void {
    const subscription = this.subscriptions.get(typeUrl);
    if (!this.call || !subscription) return;
    const request: DiscoveryRequest = {
      type_url: typeUrl,
      resource_names: subscription.names ?? [],
      version_info: subscription.ackedVersion ?? '',
      response_nonce: subscription.lastNonce ?? '',
    };
    if (!this.sentNode) {
      request.node = this.options.node;
      this.sentNode = true;
    }
    if (error) request.error_detail = { code: grpc.status.INVALID_ARGUMENT, message: error };
    this.logger.debug(
      { type: typeNameOf(typeUrl), nonce: request.response_nonce, nack: Boolean(error) },
      'xDS request',
    );
    this.call.write(request);
  }
}

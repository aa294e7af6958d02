import type { DiscoveryRequest__Output, Node__Output } from '@isthmus/protos';
import type { OutgoingResponse } from './response-encoding';
import type { Logger } from '@isthmus/runtime';
import type { SnapshotCache } from './cache';
import type { AdsCallbacks, AdsConnection, TypeStatus } from './connection';
import { digest } from './digest';
import type { PushScheduler, Pushable } from './push-queue';
import { PUSH_ORDER, TYPE_URL, XdsTypeUrl, isXdsTypeUrl, shortTypeName } from './resource-types';
import type { Snapshot, XdsResource } from './snapshot';

const INCREMENTAL_TYPES: ReadonlySet<string> = new Set([TYPE_URL.endpoint, TYPE_URL.route]);

/** The write side of a gRPC bidi call, so the stream logic can be tested without a network. */
export interface ResponseSink {
  /** Resolves when the response was handed to the transport (flow control permitting). */
  write(response: OutgoingResponse): Promise<void> | void;
}

interface TypeState {
  names: Set<string> | null;
  /** Resource hashes the client has accepted (EDS/RDS responses may then carry only what changed). */
  ackedResources: ReadonlyMap<string, XdsResource>;
  /** Resources of the response in flight, adopted on ACK. */
  pendingResources?: ReadonlyMap<string, XdsResource>;
  sentVersion?: string;
  sentNamesKey?: string;
  sentNonce?: string;
  sentAt?: number;
  ackedVersion?: string;
  nackedVersion?: string;
  nackedNamesKey?: string;
  lastError?: string;
  inFlight: boolean;
}

interface Desired {
  version: string;
  namesKey: string;
  resources: XdsResource[];
  byName: ReadonlyMap<string, XdsResource>;
}

export interface SotwStreamOptions {
  readonly id: string;
  readonly peer: string;
  readonly sink: ResponseSink;
  readonly cache: SnapshotCache;
  readonly queue: PushScheduler;
  readonly callbacks: AdsCallbacks;
  readonly logger: Logger;
  readonly nodeKey: (node: Node__Output) => string;
  readonly controlPlaneId: string;
}

/**
 * One state-of-the-world ADS stream. Rules:
 * - per type: the requested names (empty = wildcard), the last sent version/nonce, and whether a response is in flight;
 * - a request whose nonce is not the latest sent for its type is stale and ignored;
 * - a request carrying error_detail is a NACK: logged, reported, and that version is not resent (the client keeps its
 *   previous config) until the content or the requested names change;
 * - types are sent in push order CDS → EDS → LDS → RDS, and a type is sent only while no earlier type awaits its ACK,
 *   so a route never names a cluster the client has not accepted (make-before-break).
 */
export class SotwStream implements Pushable, AdsConnection {
  readonly id: string;
  readonly peer: string;
  readonly connectedAt = Date.now();
  // Replaced by the first request's node; callbacks only ever see a stream after that.
  node: Node__Output = { id: '', cluster: '' } as Node__Output;
  key = '';
  private readonly types = new Map<XdsTypeUrl, TypeState>();
  private nonceCounter = 0;
  private opened = false;
  private closed = false;
  private unwatch: (() => void) | undefined;
  private logger: Logger;

  constructor(private readonly options: SotwStreamOptions) {
    this.id = options.id;
    this.peer = options.peer;
    this.logger = options.logger;
  }

  handleRequest(request: DiscoveryRequest__Output): void {
    if (this.closed) return;
    if (!this.opened) this.open(request);
    const typeUrl = request.type_url;
    if (!isXdsTypeUrl(typeUrl)) {
      this.logger.debug({ typeUrl }, 'ignoring request for an unsupported type');
      return;
    }
    let state = this.types.get(typeUrl);
    if (state && request.response_nonce && request.response_nonce !== state.sentNonce) {
      this.logger.debug({ type: shortTypeName(typeUrl), nonce: request.response_nonce, latest: state.sentNonce }, 'stale request ignored');
      return;
    }
    if (!state) {
      state = { names: null, inFlight: false, ackedResources: new Map() };
      this.types.set(typeUrl, state);
    }
    if (request.response_nonce && request.response_nonce === state.sentNonce) {
      state.inFlight = false;
      if (request.error_detail) {
        const error = request.error_detail.message || `code ${request.error_detail.code}`;
        state.nackedVersion = state.sentVersion;
        state.nackedNamesKey = state.sentNamesKey;
        state.lastError = error;
        state.pendingResources = undefined;
        this.logger.warn({ type: shortTypeName(typeUrl), version: state.sentVersion, error }, 'xDS response rejected (NACK)');
        this.options.callbacks.onNack?.(this, typeUrl, state.sentVersion ?? '', request.response_nonce, error);
      } else {
        state.ackedVersion = request.version_info;
        state.lastError = undefined;
        if (state.pendingResources) state.ackedResources = state.pendingResources;
        state.pendingResources = undefined;
        this.options.callbacks.onAck?.(this, typeUrl, request.version_info, request.response_nonce);
      }
    }
    state.names = request.resource_names.length > 0 ? new Set(request.resource_names) : null;
    if (!request.response_nonce) state.ackedResources = new Map(); // a new subscription (or reconnect) gets everything
    // Through the queue, so that many proxies connecting at once are served with bounded buffering too.
    this.options.queue.enqueue(this);
  }

  /** Sends every type whose desired content differs from what the client last got, in push order. */
  flush(): Promise<void> | void {
    if (this.closed || !this.opened) return;
    const snapshot = this.options.cache.getSnapshot(this.key);
    if (!snapshot) return;
    const writes: (Promise<void> | void)[] = [];
    let earlierInFlight = false;
    for (const typeUrl of PUSH_ORDER) {
      const state = this.types.get(typeUrl);
      if (!state) continue;
      if (state.inFlight || earlierInFlight) {
        earlierInFlight = true;
        continue;
      }
      const desired = this.desired(snapshot, typeUrl, state);
      if (desired.version === state.sentVersion && desired.namesKey === state.sentNamesKey) continue;
      if (desired.version === state.nackedVersion && desired.namesKey === state.nackedNamesKey) continue;
      writes.push(this.send(typeUrl, state, desired));
      earlierInFlight = true;
    }
    return writes.length > 0 ? Promise.all(writes).then(() => undefined) : undefined;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unwatch?.();
    this.options.queue.remove(this.id);
    if (this.opened) this.options.callbacks.onStreamClose?.(this);
  }

  status(): readonly TypeStatus[] {
    return PUSH_ORDER.flatMap((typeUrl) => {
      const state = this.types.get(typeUrl);
      if (!state) return [];
      return [
        {
          typeUrl,
          names: state.names ? [...state.names] : null,
          sentVersion: state.sentVersion,
          sentNonce: state.sentNonce,
          ackedVersion: state.ackedVersion,
          nackedVersion: state.nackedVersion,
          lastError: state.lastError,
          inFlight: state.inFlight,
          sentAt: state.sentAt,
        },
      ];
    });
  }

  private open(request: DiscoveryRequest__Output): void {
    this.opened = true;
    if (request.node) this.node = request.node;
    this.key = this.options.nodeKey(this.node);
    this.logger = this.logger.child({ node: this.node.id, stream: this.id });
    this.unwatch = this.options.cache.watch(this.key, () => this.options.queue.enqueue(this));
    this.logger.info({ peer: this.peer }, 'ADS stream opened');
    this.options.callbacks.onStreamOpen?.(this);
  }

  private desired(snapshot: Snapshot, typeUrl: XdsTypeUrl, state: TypeState): Desired {
    const type = snapshot.get(typeUrl);
    if (!state.names) return { version: type.version, namesKey: '*', resources: [...type.resources.values()], byName: type.resources };
    const names = [...state.names].sort();
    const resources: XdsResource[] = [];
    const parts: string[] = [];
    for (const name of names) {
      const resource = type.resources.get(name);
      if (resource) resources.push(resource);
      parts.push(`${name}=${resource?.hash ?? '-'}`);
    }
    return { version: digest(...parts), namesKey: names.join(','), resources, byName: new Map(resources.map((resource) => [resource.name, resource])) };
  }

  private send(typeUrl: XdsTypeUrl, state: TypeState, desired: Desired): Promise<void> | void {
    const nonce = `${++this.nonceCounter}`;
    // Listeners and clusters are full-state types: every response carries all of them. For routes and endpoints the
    // protocol lets a response carry only what changed (clients keep the rest), which keeps an endpoint change for
    // one service from resending every ClusterLoadAssignment to every proxy.
    const acked = state.ackedResources;
    const incremental = INCREMENTAL_TYPES.has(typeUrl) && desired.namesKey === state.sentNamesKey && acked.size > 0;
    const resources = incremental ? desired.resources.filter((resource) => acked.get(resource.name)?.hash !== resource.hash) : desired.resources;
    state.pendingResources = desired.byName;
    state.sentVersion = desired.version;
    state.sentNamesKey = desired.namesKey;
    state.sentNonce = nonce;
    state.sentAt = Date.now();
    state.inFlight = true;
    const written = this.options.sink.write({
      version_info: desired.version,
      type_url: typeUrl,
      nonce,
      resources,
      control_plane: { identifier: this.options.controlPlaneId },
      ...(resources === desired.resources && !state.names ? { bodyKey: desired.byName } : {}),
    });
    this.logger.debug({ type: shortTypeName(typeUrl), version: desired.version, nonce, resources: resources.length, incremental }, 'pushed');
    this.options.callbacks.onResponse?.(this, typeUrl, desired.version, nonce, resources.length);
    return written;
  }
}

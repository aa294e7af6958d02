import type { McpRequestResources__Output } from '@isthmus/protos';
import { deltaSince, diffCollection, versionsOf, type McpCollection } from './snapshot';
import type { Published, SnapshotReader } from './snapshot-cache';
import { collectionBlock, encodeEntry, type WireResources } from './wire';

/** Hooks the MCP server calls; metrics and logs attach here, so the protocol code stays free of them. */
export interface McpSourceHooks {
  onConnect?(sink: SinkIdentity): void;
  onDisconnect?(sink: SinkIdentity): void;
  /** latencyMs: from the snapshot's publication to this send; absent for the first response to a subscription. */
  onPush?(
    sink: SinkIdentity,
    push: { collection: string; version: string; resources: number; incremental: boolean; latencyMs?: number },
  ): void;
  onAck?(sink: SinkIdentity, collection: string, version: string): void;
  onNack?(sink: SinkIdentity, collection: string, version: string, message: string): void;
}

export interface SinkIdentity {
  readonly connectionId: string;
  readonly sinkId: string;
  readonly peer: string;
}

/** What the debug endpoint shows for one collection of one sink. */
export interface CollectionStatus {
  readonly collection: string;
  readonly incremental: boolean;
  readonly ackedVersion?: string;
  readonly pendingVersion?: string;
  readonly nackedVersion?: string;
  readonly nackMessage?: string;
}

export interface SinkStatus extends SinkIdentity {
  readonly connectedAt: string;
  readonly collections: readonly CollectionStatus[];
}

interface Sent {
  readonly nonce: string;
  readonly version: string;
  readonly collection: McpCollection;
}

interface Watch {
  readonly collection: string;
  readonly incremental: boolean;
  /** What the sink holds after its last ACK (the base of incremental updates): the collection it ACKed, or the
   * resource versions it announced when subscribing. */
  held: { readonly collection: McpCollection } | { readonly versions: ReadonlyMap<string, string> };
  ackedVersion?: string;
  /** The version last sent and answered (ACKed or NACKed): never sent again until the collection changes. */
  answeredVersion?: string;
  inFlight?: Sent;
  nack?: { version: string; message: string };
}

export type RequestOutcome = { ok: true } | { ok: false; code: 'INVALID_ARGUMENT'; message: string };

/**
 * One sink's stream: per-collection subscriptions, at most one unanswered response per collection, ACK/NACK by nonce.
 * A NACKed sink stays on its last ACKed version until the collection changes again.
 */
export class SourceConnection {
  private readonly watches = new Map<string, Watch>();
  private nonceCounter = 0;
  private sinkId = '';
  private readonly connectedAt = new Date().toISOString();

  constructor(
    private readonly connectionId: string,
    private readonly peer: string,
    private readonly reader: SnapshotReader,
    private readonly isSupported: (collection: string) => boolean,
    private readonly send: (message: WireResources) => void,
    private readonly hooks: McpSourceHooks,
  ) {}

  identity(): SinkIdentity {
    return { connectionId: this.connectionId, sinkId: this.sinkId, peer: this.peer };
  }

  handleRequest(request: McpRequestResources__Output): RequestOutcome {
    if (!this.sinkId && request.sink_node?.id) this.sinkId = request.sink_node.id;
    const collection = request.collection;
    if (!collection) return { ok: false, code: 'INVALID_ARGUMENT', message: 'RequestResources.collection is empty' };
    if (!this.isSupported(collection)) {
      return { ok: false, code: 'INVALID_ARGUMENT', message: `unsupported collection "${collection}"` };
    }
    const watch = this.watches.get(collection);
    if (!watch || !request.response_nonce) {
      this.subscribe(request);
      return { ok: true };
    }
    const inFlight = watch.inFlight;
    if (!inFlight || inFlight.nonce !== request.response_nonce) return { ok: true }; // stale answer to an older push
    watch.inFlight = undefined;
    watch.answeredVersion = inFlight.version;
    if (request.error_detail) {
      const message = request.error_detail.message || `code ${request.error_detail.code}`;
      watch.nack = { version: inFlight.version, message };
      this.hooks.onNack?.(this.identity(), collection, inFlight.version, message);
    } else {
      watch.held = { collection: inFlight.collection };
      watch.ackedVersion = inFlight.version;
      watch.nack = undefined;
      this.hooks.onAck?.(this.identity(), collection, inFlight.version);
    }
    this.push(watch, this.reader.current());
    return { ok: true };
  }

  onSnapshot(published: Published): void {
    for (const watch of this.watches.values()) this.push(watch, published);
  }

  status(): SinkStatus {
    return {
      ...this.identity(),
      connectedAt: this.connectedAt,
      collections: [...this.watches.values()].map((watch) => ({
        collection: watch.collection,
        incremental: watch.incremental,
        ackedVersion: watch.ackedVersion,
        pendingVersion: watch.inFlight?.version,
        nackedVersion: watch.nack?.version,
        nackMessage: watch.nack?.message,
      })),
    };
  }

  private subscribe(request: McpRequestResources__Output): void {
    const initial = request.incremental ? Object.entries(request.initial_resource_versions ?? {}) : [];
    const watch: Watch = {
      collection: request.collection,
      incremental: request.incremental,
      held: { versions: new Map(initial) },
    };
    this.watches.set(request.collection, watch);
    this.push(watch, this.reader.current(), false);
  }

  private push(watch: Watch, published: Published, measureLatency = true): void {
    if (watch.inFlight) return;
    const collection = published.snapshot.collections.get(watch.collection) ?? emptyCollection(watch.collection);
    if (collection.version === watch.answeredVersion) return;
    const held = watch.held;
    const incremental = watch.incremental && ('collection' in held || held.versions.size > 0);
    const { changed, removed } = !incremental
      ? { changed: undefined, removed: [] }
      : 'collection' in held
        ? (deltaSince(held.collection, collection) ?? diffCollection(versionsOf(held.collection), collection))
        : diffCollection(held.versions, collection);
    const nonce = `${this.connectionId}-${++this.nonceCounter}`;
    watch.inFlight = { nonce, version: collection.version, collection };
    this.send({
      systemVersionInfo: collection.version,
      collection: collection.name,
      resources: changed ? changed.map(encodeEntry) : collectionBlock(collection),
      removedResources: removed,
      nonce,
      incremental,
    });
    this.hooks.onPush?.(this.identity(), {
      collection: collection.name,
      version: collection.version,
      resources: changed ? changed.length : collection.entries.size,
      incremental,
      latencyMs: measureLatency ? performance.now() - published.publishedAt : undefined,
    });
  }
}

const EMPTY_VERSION = 'empty';

function emptyCollection(name: string): McpCollection {
  return { name, version: EMPTY_VERSION, entries: new Map() };
}

import { CLIENT_KEEPALIVE_OPTIONS } from '@isthmus/grpc';
import { Backoff, type BackoffOptions, type Logger } from '@isthmus/runtime';
import {
  Client,
  credentials as grpcCredentials,
  type ChannelCredentials,
  type ChannelOptions,
  type ClientDuplexStream,
} from '@grpc/grpc-js';
import { istioGrpc, type McpRequestResources } from '@isthmus/protos';
import { decodeResources, type ReceivedResources } from './wire-decode';
import {
  decodeResponse,
  type SinkCollection,
  type SinkCollectionState,
  type SinkResource,
  type SinkUpdate,
} from './sink-state';

export interface McpSinkOptions {
  /** `host:port` (a `tcp://` prefix is accepted). */
  readonly address: string;
  readonly sinkId: string;
  readonly sinkAnnotations?: Readonly<Record<string, string>>;
  readonly collections: readonly SinkCollection<unknown>[];
  /** Applies an accepted update; throwing (or rejecting) NACKs it and the sink keeps its previous state. */
  readonly apply: (update: SinkUpdate<unknown>) => void | Promise<void>;
  readonly logger: Logger;
  readonly credentials?: ChannelCredentials;
  readonly channelOptions?: ChannelOptions;
  /** Ask for incremental updates (and resume from the held versions after a reconnect). */
  readonly incremental?: boolean;
  readonly backoff?: BackoffOptions;
}

export type SinkConnectionState = 'idle' | 'connecting' | 'connected' | 'stopped';

/**
 * MCP sink: subscribes to each collection, keeps the last state it accepted (served from memory while Galley is away),
 * ACKs what `apply` accepts, NACKs what it rejects, and reconnects with backoff.
 */
export class McpSinkClient {
  private readonly states = new Map<string, SinkCollectionState<unknown>>();
  private readonly specs: ReadonlyMap<string, SinkCollection<unknown>>;
  private readonly backoff: Backoff;
  private stream: ClientDuplexStream<McpRequestResources, Buffer> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private connectionState: SinkConnectionState = 'idle';
  private lastLoss: string | undefined;
  /** Responses are applied one at a time, in arrival order. */
  private queue: Promise<void> = Promise.resolve();
  private readonly syncWaiters: (() => void)[] = [];
  private readonly client: Client;

  constructor(private readonly options: McpSinkOptions) {
    this.specs = new Map(options.collections.map((spec) => [spec.collection, spec]));
    this.backoff = new Backoff(options.backoff ?? { initialMs: 100, maxMs: 10_000 });
    this.client = new Client(
      options.address.replace(/^tcp:\/\//, ''),
      options.credentials ?? grpcCredentials.createInsecure(),
      // Keepalive pings notice a source that vanished without closing the stream (then the sink reconnects).
      { ...CLIENT_KEEPALIVE_OPTIONS, ...options.channelOptions },
    );
  }

  start(): void {
    if (this.connectionState !== 'idle') return;
    this.connect();
  }

  stop(): void {
    this.connectionState = 'stopped';
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.stream?.cancel();
    this.stream = undefined;
    this.client.close();
  }

  state(): SinkConnectionState {
    return this.connectionState;
  }

  /** Why the stream was last lost (for logs and debug pages). */
  lastError(): string | undefined {
    return this.lastLoss;
  }

  /** Last accepted state of a collection (typed by its spec), or undefined before the first accepted update. */
  collection<T>(spec: SinkCollection<T>): SinkCollectionState<T> | undefined {
    return this.states.get(spec.collection) as SinkCollectionState<T> | undefined;
  }

  resources<T>(spec: SinkCollection<T>): ReadonlyMap<string, SinkResource<T>> {
    return this.collection(spec)?.resources ?? new Map();
  }

  /** Accepted version per collection. */
  versions(): Map<string, string> {
    return new Map([...this.states].map(([name, state]) => [name, state.version]));
  }

  /** Resolves once every collection has had an update accepted. */
  synced(): Promise<void> {
    if (this.isSynced()) return Promise.resolve();
    return new Promise((resolve) => this.syncWaiters.push(resolve));
  }

  private isSynced(): boolean {
    return [...this.specs.keys()].every((name) => this.states.has(name));
  }

  private connect(): void {
    if (this.connectionState === 'stopped') return;
    this.connectionState = 'connecting';
    // Responses go through our envelope decoder (bodies stay raw until needed); requests use the generated serializer.
    const method = istioGrpc().istio.mcp.v1alpha1.ResourceSource.service.EstablishResourceStream;
    const stream = this.client.makeBidiStreamRequest<McpRequestResources, Buffer>(
      method.path,
      method.requestSerialize as (request: McpRequestResources) => Buffer,
      (bytes: Buffer) => bytes, // decoded in handle(), where the held versions are known
    );
    this.stream = stream;
    stream.on('data', (bytes: Buffer) => {
      if (this.stream !== stream) return;
      this.connectionState = 'connected';
      this.backoff.reset();
      this.queue = this.queue.then(() => this.handle(stream, bytes));
    });
    const lost = (reason: string) => {
      if (this.stream !== stream) return;
      this.stream = undefined;
      this.lastLoss = reason;
      if (this.connectionState === 'stopped') return;
      this.connectionState = 'connecting';
      const delay = this.backoff.next();
      this.options.logger.info({ reason, retryInMs: delay }, 'MCP stream lost; reconnecting');
      this.retryTimer = setTimeout(() => this.connect(), delay);
    };
    stream.on('error', (error: Error) => lost(error.message));
    stream.on('end', () => lost('stream ended by the source'));
    for (const [collection] of this.specs) {
      const held = this.states.get(collection);
      const resume =
        this.options.incremental && held
          ? Object.fromEntries([...held.resources].map(([name, r]) => [name, r.version]))
          : {};
      stream.write({
        sink_node: { id: this.options.sinkId, annotations: { ...this.options.sinkAnnotations } },
        collection,
        incremental: this.options.incremental ?? false,
        initial_resource_versions: resume,
      });
    }
  }

  private async handle(stream: ClientDuplexStream<McpRequestResources, Buffer>, bytes: Buffer): Promise<void> {
    let response: ReceivedResources;
    try {
      response = decodeResources(
        bytes,
        (collection, name) => this.states.get(collection)?.resources.get(name)?.version,
      );
    } catch (error: unknown) {
      this.options.logger.warn(
        { error: error instanceof Error ? error.message : String(error) },
        'undecodable MCP response; reconnecting',
      );
      stream.cancel();
      return;
    }
    const spec = this.specs.get(response.collection);
    if (!spec) return;
    const decoded = decodeResponse(spec, this.states.get(response.collection), response);
    let error = decoded.ok ? undefined : decoded.error;
    if (decoded.ok) {
      try {
        await this.options.apply(decoded.update);
        this.states.set(response.collection, {
          collection: decoded.update.collection,
          version: decoded.update.version,
          resources: decoded.update.resources,
        });
      } catch (failure: unknown) {
        decoded.undo();
        error = failure instanceof Error ? failure.message : String(failure);
      }
    }
    if (error)
      this.options.logger.warn(
        { collection: response.collection, version: response.systemVersionInfo, error },
        'MCP update rejected (NACK)',
      );
    if (this.stream === stream) {
      stream.write({
        collection: response.collection,
        response_nonce: response.nonce,
        ...(error ? { error_detail: { code: 3, message: error } } : {}),
      });
    }
    if (!error && this.isSynced()) for (const resolve of this.syncWaiters.splice(0)) resolve();
  }
}

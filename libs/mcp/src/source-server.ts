import {
  status,
  type Server,
  type ServiceDefinition,
  type ServerDuplexStream,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import type { McpRequestResources__Output } from '@isthmus/protos';
import type { Logger } from '@isthmus/runtime';
import { SourceConnection, type McpSourceHooks, type SinkStatus } from './source-connection';
import type { SnapshotReader } from './snapshot-cache';
import { resourceSourceDefinition, type WireResources } from './wire';

export interface McpSourceOptions {
  readonly reader: SnapshotReader;
  readonly logger: Logger;
  /** Collections sinks may subscribe to; others are refused with INVALID_ARGUMENT. Default: any. */
  readonly collections?: readonly string[];
  readonly hooks?: McpSourceHooks;
}

/**
 * `istio.mcp.v1alpha1.ResourceSource/EstablishResourceStream` served from a snapshot reader. It knows nothing of where
 * the snapshot came from; host it on any grpc-js server with `addTo`.
 */
export class McpSourceService {
  private readonly connections = new Set<SourceConnection>();
  private readonly streams = new Map<
    SourceConnection,
    ServerDuplexStream<McpRequestResources__Output, WireResources>
  >();
  private nextId = 0;
  private readonly unsubscribe: () => void;
  private readonly supported: ReadonlySet<string> | undefined;

  constructor(private readonly options: McpSourceOptions) {
    this.supported = options.collections ? new Set(options.collections) : undefined;
    this.unsubscribe = options.reader.subscribe((published) => {
      for (const connection of this.connections) connection.onSnapshot(published);
    });
  }

  addTo(server: Server): void {
    server.addService(this.definition(), this.handlers());
  }

  /** The service definition (responses use our pre-encoded envelope serializer). */
  definition(): ServiceDefinition {
    return resourceSourceDefinition();
  }

  handlers(): UntypedServiceImplementation {
    return {
      EstablishResourceStream: (stream: ServerDuplexStream<McpRequestResources__Output, WireResources>) =>
        this.serve(stream),
    };
  }

  /** Connected sinks with the version of each collection they have ACKed (for the debug endpoint). */
  sinks(): SinkStatus[] {
    return [...this.connections].map((connection) => connection.status());
  }

  /** Ends every stream (so sinks reconnect elsewhere) and stops following the snapshot. */
  close(): void {
    this.unsubscribe();
    for (const [connection, stream] of this.streams) {
      stream.end();
      this.drop(connection);
    }
  }

  private serve(stream: ServerDuplexStream<McpRequestResources__Output, WireResources>): void {
    const { logger, hooks = {} } = this.options;
    const connection = new SourceConnection(
      `c${++this.nextId}`,
      stream.getPeer(),
      this.options.reader,
      (collection) => !this.supported || this.supported.has(collection),
      (message) => stream.write(message),
      hooks,
    );
    this.connections.add(connection);
    this.streams.set(connection, stream);
    hooks.onConnect?.(connection.identity());
    logger.debug({ sink: connection.identity() }, 'MCP sink connected');
    stream.on('data', (request: McpRequestResources__Output) => {
      const outcome = connection.handleRequest(request);
      if (!outcome.ok) {
        logger.warn({ sink: connection.identity(), error: outcome.message }, 'MCP request refused');
        stream.emit('error', { code: status.INVALID_ARGUMENT, details: outcome.message });
        this.drop(connection);
      }
    });
    stream.on('end', () => {
      stream.end();
      this.drop(connection);
    });
    stream.on('error', () => this.drop(connection));
    stream.on('cancelled', () => this.drop(connection));
    stream.on('close', () => this.drop(connection));
  }

  private drop(connection: SourceConnection): void {
    if (!this.connections.delete(connection)) return;
    this.streams.delete(connection);
    this.options.hooks?.onDisconnect?.(connection.identity());
    this.options.logger.debug({ sink: connection.identity() }, 'MCP sink disconnected');
  }
}

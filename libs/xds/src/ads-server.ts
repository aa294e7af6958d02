import * as grpc from '@grpc/grpc-js';
import type { DiscoveryRequest__Output, Node__Output } from '@isthmus/protos';
import { ADS_SERVICE_NAME, adsServiceDefinition } from './ads-service';
import { OutgoingResponse, serializeResponse } from './response-encoding';
import { LogScopes, Logger } from '@isthmus/runtime';
import type { SnapshotCache } from './cache';
import type { AdsCallbacks, AdsConnection } from './connection';
import { PushQueue } from './push-queue';
import { SotwStream } from './sotw-stream';

export interface AdsServerOptions {
  /** The only thing the server reads config from. */
  readonly cache: SnapshotCache;
  readonly callbacks?: AdsCallbacks;
  readonly logger?: Logger;
  /** Cache key of a node; default: the node id. */
  readonly nodeKey?: (node: Node__Output) => string;
  /** `control_plane.identifier` in every response. */
  readonly controlPlaneId?: string;
  /** Streams pushed at once when a snapshot change fans out (the rest wait until their responses are flushed). */
  readonly pushConcurrency?: number;
}

type AdsStreamCall = grpc.ServerDuplexStream<DiscoveryRequest__Output, OutgoingResponse>;

/** The ADS definition with a response serializer that understands pre-encoded resources (response-encoding.ts). */
function withPreEncodedResponses(definition: grpc.ServiceDefinition): grpc.ServiceDefinition {
  const sotw = definition['StreamAggregatedResources'];
  return { ...definition, StreamAggregatedResources: { ...sotw, responseSerialize: serializeResponse } };
}

/**
 * `envoy.service.discovery.v3.AggregatedDiscoveryService` (state of the world) over a snapshot cache. Add it to any
 * grpc-js server with `addTo(server)`; the server owns no sockets itself.
 */
export class AdsServer {
  private readonly streams = new Map<string, SotwStream>();
  private readonly calls = new Map<string, AdsStreamCall>();
  private readonly queue: PushQueue;
  private readonly logger: Logger;
  private streamCounter = 0;

  constructor(private readonly options: AdsServerOptions) {
    this.queue = new PushQueue(options.pushConcurrency ?? 64);
    this.logger = options.logger ?? new LogScopes('xds', new Map([['default', 'warn']])).scope('ads');
  }

  /** Full name of the gRPC service, e.g. for health status. */
  static readonly SERVICE_NAME = ADS_SERVICE_NAME;

  /** The service definition and handlers, for any grpc-js based server (`server.addService(definition, implementation)`). */
  service(): { definition: grpc.ServiceDefinition; implementation: grpc.UntypedServiceImplementation } {
    return {
      definition: withPreEncodedResponses(adsServiceDefinition()),
      implementation: {
        StreamAggregatedResources: (call: AdsStreamCall) => this.handleStream(call),
        DeltaAggregatedResources: (call: grpc.ServerDuplexStream<unknown, unknown>) => {
          call.emit('error', { code: grpc.status.UNIMPLEMENTED, details: 'delta xDS is not supported; use state-of-the-world ADS' });
        },
      },
    };
  }

  /** Registers the ADS service on a grpc-js server. */
  addTo(server: Pick<grpc.Server, 'addService'>): void {
    const { definition, implementation } = this.service();
    server.addService(definition, implementation);
  }

  /** Connected streams (for debug endpoints and metrics). */
  connections(): readonly AdsConnection[] {
    return [...this.streams.values()];
  }

  /** Streams pending a push. */
  get queuedPushes(): number {
    return this.queue.size;
  }

  /** Ends every stream with UNAVAILABLE so clients reconnect elsewhere (shutdown). */
  close(): void {
    this.queue.close();
    for (const [id, stream] of this.streams) {
      stream.close();
      this.calls.get(id)?.emit('error', { code: grpc.status.UNAVAILABLE, details: 'control plane shutting down' });
    }
    this.streams.clear();
    this.calls.clear();
  }

  private handleStream(call: AdsStreamCall): void {
    const id = `ads-${++this.streamCounter}`;
    const stream = new SotwStream({
      id,
      peer: call.getPeer(),
      sink: {
        write: (response) =>
          new Promise<void>((resolve) => {
            if (!call.writable) return resolve();
            call.write(response, () => resolve());
          }),
      },
      cache: this.options.cache,
      queue: this.queue,
      callbacks: this.options.callbacks ?? {},
      logger: this.logger,
      nodeKey: this.options.nodeKey ?? ((node) => node.id),
      controlPlaneId: this.options.controlPlaneId ?? 'isthmus',
    });
    this.streams.set(id, stream);
    this.calls.set(id, call);
    const end = (reason: string) => {
      this.calls.delete(id);
      if (!this.streams.delete(id)) return;
      this.logger.info({ stream: id, node: stream.node.id, reason }, 'ADS stream closed');
      stream.close();
    };
    call.on('data', (request: DiscoveryRequest__Output) => {
      try {
        stream.handleRequest(request);
      } catch (error: unknown) {
        // One bad request must not take the server down; the stream is ended so the client reconnects cleanly.
        this.logger.error({ err: error, stream: id }, 'ADS request failed');
        call.emit('error', { code: grpc.status.INTERNAL, details: error instanceof Error ? error.message : String(error) });
        end('error');
      }
    });
    call.on('end', () => {
      end('client closed');
      call.end();
    });
    call.on('error', () => end('stream error'));
    call.on('cancelled', () => end('cancelled'));
    call.on('close', () => end('closed'));
  }
}

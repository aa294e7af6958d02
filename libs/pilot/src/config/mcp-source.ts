import type { ChannelCredentials } from '@grpc/grpc-js';
import { istioSchemas, validateObject, withMeshDefaults } from '@isthmus/config-model';
import type { ConfigProblem, IstioResource, ResolvedMeshConfig } from '@isthmus/config-model';
import { McpSinkClient, SinkCollection } from '@isthmus/mcp';
import type { Logger } from '@isthmus/runtime';
import { ObservableConfigSource } from './config-set';

/** The kinds Pilot consumes from Galley. */
export const PILOT_MCP_KINDS = ['VirtualService', 'DestinationRule', 'Gateway', 'ServiceEntry', 'Sidecar', 'Policy', 'MeshPolicy'] as const;

export interface McpConfigSourceOptions {
  /** Galley's MCP address (`host:port`, `tcp://` accepted), from mesh `configSources[].address` or a flag. */
  readonly address: string;
  readonly sinkId: string;
  readonly mesh?: ResolvedMeshConfig;
  readonly logger: Logger;
  readonly credentials?: ChannelCredentials;
}

type Decoded = { resource?: IstioResource; problems: ConfigProblem[] };

/**
 * Istio config from Galley over MCP (the sink library): one collection per kind. Bodies are re-validated here; an
 * invalid resource is reported and skipped, never taking the rest of its collection with it. While Galley is away
 * the last accepted state keeps being served.
 */
export class McpConfigSource extends ObservableConfigSource {
  readonly name = 'mcp';
  private readonly sink: McpSinkClient;
  private readonly collections: SinkCollection<Decoded>[];

  constructor(private readonly options: McpConfigSourceOptions) {
    super(options.mesh ?? withMeshDefaults());
    this.collections = PILOT_MCP_KINDS.map((kind) => {
      const descriptor = istioSchemas.byKind(kind);
      if (!descriptor) throw new Error(`no schema for ${kind}`);
      return {
        collection: descriptor.collection,
        decode: (body, meta): Decoded => {
          const slash = meta.name.indexOf('/');
          const namespace = slash < 0 ? '' : meta.name.slice(0, slash);
          const name = slash < 0 ? meta.name : meta.name.slice(slash + 1);
          const raw = { apiVersion: `${descriptor.group}/${descriptor.version}`, kind, metadata: { name, ...(namespace ? { namespace } : {}), labels: meta.labels, annotations: meta.annotations }, spec: body };
          const result = validateObject(raw, { file: `mcp:${descriptor.collection}` });
          const errors = result.problems.filter((problem) => problem.severity === 'error');
          return errors.length > 0 || !result.object?.resource ? { problems: result.problems } : { resource: result.object.resource, problems: result.problems };
        },
      };
    });
    this.sink = new McpSinkClient({
      address: options.address,
      sinkId: options.sinkId,
      collections: this.collections as SinkCollection<unknown>[],
      apply: () => this.rebuild(),
      // Incremental: a change sends only the changed resources, not whole collections (the sink keeps full state).
      incremental: true,
      logger: options.logger,
      credentials: options.credentials,
    });
  }

  async start(): Promise<void> {
    this.sink.start();
  }

  /** Resolves once every collection has been received once. */
  synced(): Promise<void> {
    return this.sink.synced();
  }

  async close(): Promise<void> {
    this.sink.stop();
  }

  private rebuild(): void {
    // Called from the sink's apply, before it records the update; read the new state on the next turn.
    setImmediate(() => {
      const resources: IstioResource[] = [];
      const problems: ConfigProblem[] = [];
      for (const spec of this.collections) {
        for (const entry of this.sink.resources(spec).values()) {
          problems.push(...entry.value.problems);
          if (entry.value.resource) resources.push(entry.value.resource);
          else this.options.logger.warn({ collection: spec.collection, resource: entry.name }, 'invalid resource from MCP skipped');
        }
      }
      this.state = { resources, mesh: this.state.mesh, problems };
      this.notify();
    });
  }
}

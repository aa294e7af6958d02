import { fromStruct, istioCodec, type JsonObject, type McpResources__Output, type Struct__Output } from '@isthmus/protos';

/** Metadata of one resource as a sink receives it. */
export interface SinkResourceMeta {
  readonly name: string;
  readonly version: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly createTimeMs?: number;
}

export interface SinkResource<T> extends SinkResourceMeta {
  readonly value: T;
}

/** A collection a sink subscribes to, with the decoder that turns a body into its typed value (throw = reject). */
export interface SinkCollection<T> {
  readonly collection: string;
  readonly decode: (body: JsonObject, meta: SinkResourceMeta) => T;
}

/** One collection's state in a sink: the last version it accepted and its resources by name. */
export interface SinkCollectionState<T> {
  readonly collection: string;
  readonly version: string;
  readonly resources: ReadonlyMap<string, SinkResource<T>>;
}

/** What the caller's apply function is given: the complete new state plus what changed. */
export interface SinkUpdate<T> extends SinkCollectionState<T> {
  readonly incremental: boolean;
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

export type DecodeOutcome<T> = { ok: true; update: SinkUpdate<T> } | { ok: false; error: string };

/**
 * Resources message → the next collection state (pure). Incremental responses apply on top of `held`; a body that
 * cannot be decoded fails the whole response, naming the resource.
 */
export function decodeResponse<T>(
  spec: SinkCollection<T>,
  held: SinkCollectionState<T> | undefined,
  response: McpResources__Output,
): DecodeOutcome<T> {
  const codec = istioCodec();
  const resources = new Map(response.incremental && held ? held.resources : []);
  const changed: string[] = [];
  for (const resource of response.resources) {
    const metadata = resource.metadata;
    const name = metadata?.name ?? '';
    if (!metadata || !name) return { ok: false, error: `${spec.collection}: a resource has no metadata.name` };
    const meta: SinkResourceMeta = {
      name,
      version: metadata.version,
      labels: metadata.labels ?? {},
      annotations: metadata.annotations ?? {},
      createTimeMs: metadata.create_time ? Number(metadata.create_time.seconds) * 1000 + Math.floor(metadata.create_time.nanos / 1e6) : undefined,
    };
    if (!resource.body) return { ok: false, error: `${spec.collection} ${name}: resource has no body` };
    const body = codec.unpack<Struct__Output>(resource.body);
    if (!body.ok) return { ok: false, error: `${spec.collection} ${name}: ${body.error}` };
    try {
      resources.set(name, { ...meta, value: spec.decode(fromStruct(body.value), meta) });
    } catch (error: unknown) {
      return { ok: false, error: `${spec.collection} ${name}: ${error instanceof Error ? error.message : String(error)}` };
    }
    changed.push(name);
  }
  const removed = response.incremental ? response.removed_resources.filter((name) => resources.delete(name)) : [...(held?.resources.keys() ?? [])].filter((name) => !resources.has(name));
  return {
    ok: true,
    update: { collection: spec.collection, version: response.system_version_info, resources, incremental: response.incremental, changed, removed },
  };
}

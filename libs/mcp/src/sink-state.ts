import { MCP_BODY_TYPE_NAME, typeUrl, type JsonObject } from '@isthmus/protos';
import { decodeStruct, type ReceivedResources } from './wire-decode';

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

/**
 * What the caller's apply function is given: the complete new state plus what changed. In incremental mode
 * `resources` is the sink's live map, updated in place: copy it if a snapshot must outlive the next update.
 */
export interface SinkUpdate<T> extends SinkCollectionState<T> {
  readonly incremental: boolean;
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

/** `undo` restores `held` when the update was applied in place (incremental) and the caller then rejected it. */
export type DecodeOutcome<T> = { ok: true; update: SinkUpdate<T>; undo: () => void } | { ok: false; error: string };

const STRUCT_TYPE_URL = typeUrl(MCP_BODY_TYPE_NAME);

/**
 * Resources message → the next collection state (pure). Incremental responses apply on top of `held`; a resource
 * whose version the sink already holds keeps its decoded value (its body is not decoded again); a body that cannot be
 * decoded fails the whole response, naming the resource.
 */
export function decodeResponse<T>(
  spec: SinkCollection<T>,
  held: SinkCollectionState<T> | undefined,
  response: ReceivedResources,
): DecodeOutcome<T> {
  // Incremental updates change the held map in place (no copy of a large collection per update), with an undo log.
  const inPlace = response.incremental && held !== undefined && held.resources instanceof Map;
  const resources: Map<string, SinkResource<T>> = inPlace
    ? (held.resources as Map<string, SinkResource<T>>)
    : new Map(response.incremental && held ? held.resources : []);
  const undoLog = new Map<string, SinkResource<T> | undefined>();
  const record = (name: string) => {
    if (inPlace && !undoLog.has(name)) undoLog.set(name, resources.get(name));
  };
  const undo = () => {
    for (const [name, before] of undoLog) {
      if (before) resources.set(name, before);
      else resources.delete(name);
    }
  };
  const fail = (error: string): DecodeOutcome<T> => {
    undo();
    return { ok: false, error };
  };
  const changed: string[] = [];
  for (const resource of response.resources) {
    const name = resource.name;
    if (!name) return fail(`${spec.collection}: a resource has no metadata.name`);
    const previous = held?.resources.get(name);
    if (previous && (resource.unchanged || (previous.version === resource.version && resource.version))) {
      if (!inPlace) resources.set(name, previous);
      continue;
    }
    if (resource.unchanged) return fail(`${spec.collection} ${name}: sent as unchanged but not held`);
    if (resource.bodyTypeUrl !== STRUCT_TYPE_URL)
      return fail(
        `${spec.collection} ${name}: body type ${resource.bodyTypeUrl || '(none)'}, expected ${STRUCT_TYPE_URL}`,
      );
    try {
      const meta: SinkResourceMeta = {
        name,
        version: resource.version,
        labels: resource.labels,
        annotations: resource.annotations,
        createTimeMs: resource.createTimeMs,
      };
      const value = spec.decode(decodeStruct(resource.body), meta);
      record(name);
      resources.set(name, { ...meta, value });
    } catch (error: unknown) {
      return fail(`${spec.collection} ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    changed.push(name);
  }
  const removed = response.incremental
    ? response.removedResources.filter((name) => {
        record(name);
        return resources.delete(name);
      })
    : [...(held?.resources.keys() ?? [])].filter((name) => !resources.has(name));
  return {
    ok: true,
    update: {
      collection: spec.collection,
      version: response.systemVersionInfo,
      resources,
      incremental: response.incremental,
      changed,
      removed,
    },
    undo,
  };
}

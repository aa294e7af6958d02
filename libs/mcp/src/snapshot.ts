import type { JsonObject } from '@isthmus/protos';
import { canonicalJson, contentHash } from './hash';

/** One resource as MCP distributes it: metadata plus the spec (sent as a google.protobuf.Struct). */
export interface McpEntry {
  /** `namespace/name`, or `name` for cluster-scoped resources. */
  readonly name: string;
  /** Content-derived: changes exactly when body, labels or annotations change. */
  readonly version: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly body: Readonly<JsonObject>;
  /** Creation time (ms since epoch) when the source knows it; informational, not part of the version. */
  readonly createTimeMs?: number;
}

export interface McpEntryInput {
  readonly name: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly body: Readonly<JsonObject>;
  readonly createTimeMs?: number;
}

/** One collection at one moment: its resources by name and a version derived from all of them. */
export interface McpCollection {
  readonly name: string;
  readonly version: string;
  readonly entries: ReadonlyMap<string, McpEntry>;
}

/** An immutable value: every served collection (empty ones included) at one moment. */
export interface McpSnapshot {
  readonly collections: ReadonlyMap<string, McpCollection>;
}

export function makeEntry(input: McpEntryInput): McpEntry {
  const labels = input.labels ?? {};
  const annotations = input.annotations ?? {};
  const version = contentHash(canonicalJson(input.body), canonicalJson(labels), canonicalJson(annotations));
  return Object.freeze({ name: input.name, version, labels, annotations, body: input.body, createTimeMs: input.createTimeMs });
}

/** The collection version is a hash of its sorted (name, version) pairs, so it is identical on every Galley replica. */
export function makeCollection(name: string, entries: Iterable<McpEntry>): McpCollection {
  const byName = new Map<string, McpEntry>();
  for (const entry of entries) byName.set(entry.name, entry);
  const sorted = [...byName.keys()].sort();
  const version = contentHash(name, ...sorted.map((key) => `${key}=${byName.get(key)?.version ?? ''}`));
  return Object.freeze({ name, version, entries: new Map(sorted.map((key) => [key, byName.get(key) as McpEntry])) });
}

export function makeSnapshot(collections: Iterable<McpCollection>): McpSnapshot {
  return Object.freeze({ collections: new Map([...collections].map((collection) => [collection.name, collection])) });
}

/** A snapshot with every named collection present (empty when it has no resources). */
export function snapshotFrom(collectionNames: readonly string[], entries: ReadonlyMap<string, readonly McpEntry[]>): McpSnapshot {
  const names = new Set([...collectionNames, ...entries.keys()]);
  return makeSnapshot([...names].sort().map((name) => makeCollection(name, entries.get(name) ?? [])));
}

/** Resources that differ between what a sink holds (name → version) and a collection: the incremental update. */
export function diffCollection(
  held: ReadonlyMap<string, string>,
  collection: McpCollection,
): { changed: McpEntry[]; removed: string[] } {
  const changed = [...collection.entries.values()].filter((entry) => held.get(entry.name) !== entry.version);
  const removed = [...held.keys()].filter((name) => !collection.entries.has(name));
  return { changed, removed };
}

export function versionsOf(collection: McpCollection): Map<string, string> {
  return new Map([...collection.entries.values()].map((entry) => [entry.name, entry.version]));
}

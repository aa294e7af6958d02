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
  return Object.freeze({
    name: input.name,
    version,
    labels,
    annotations,
    body: input.body,
    createTimeMs: input.createTimeMs,
  });
}

const digests = new WeakMap<McpEntry, readonly [number, number]>();

/** 64 bits of SHA-256(name=version), computed once per entry object. */
function entryDigest(entry: McpEntry): readonly [number, number] {
  let digest = digests.get(entry);
  if (!digest) {
    const hex = contentHash(entry.name, entry.version);
    digest = [parseInt(hex.slice(0, 8), 16), parseInt(hex.slice(8, 16), 16)];
    digests.set(entry, digest);
  }
  return digest;
}

/** Sum of the entry digests of a collection: its version is derived from it, and it updates in O(changes). */
const sums = new WeakMap<McpCollection, readonly [number, number]>();

/** How a collection was derived from its predecessor, so a sink on the predecessor gets a diff in O(changes). */
interface Delta {
  readonly parent: McpCollection;
  readonly touched: readonly string[];
}
const deltas = new WeakMap<McpCollection, Delta>();
/** Delta links kept per collection lineage: older ancestors are released (sinks that far behind get a full diff). */
const MAX_DELTA_CHAIN = 16;

function versionOf(name: string, size: number, [high, low]: readonly [number, number]): string {
  return contentHash(name, String(size), high.toString(16), low.toString(16));
}

/**
 * The collection version is derived from its (name, version) pairs only, independent of order (a sum of per-entry
 * digests), so it is identical on every Galley replica and costs no sort when one resource of many changes.
 */
export function makeCollection(name: string, entries: Iterable<McpEntry>): McpCollection {
  const byName = new Map<string, McpEntry>();
  for (const entry of entries) byName.set(entry.name, entry);
  let high = 0;
  let low = 0;
  for (const entry of byName.values()) {
    const [a, b] = entryDigest(entry);
    high = (high + a) >>> 0;
    low = (low + b) >>> 0;
  }
  const collection: McpCollection = { name, version: versionOf(name, byName.size, [high, low]), entries: byName };
  sums.set(collection, [high, low]);
  return collection;
}

/** A new collection from `previous` with entries upserted and names removed; same version as makeCollection gives. */
export function updateCollection(
  previous: McpCollection,
  upserts: Iterable<McpEntry>,
  removals: Iterable<string>,
): McpCollection {
  const entries = new Map(previous.entries);
  let [high, low] = sums.get(previous) ?? [0, 0];
  if (!sums.has(previous)) return makeCollection(previous.name, [...mergeEntries(entries, upserts, removals).values()]);
  const touched: string[] = [];
  const subtract = (entry: McpEntry | undefined) => {
    if (!entry) return;
    const [a, b] = entryDigest(entry);
    high = (high - a) >>> 0;
    low = (low - b) >>> 0;
  };
  for (const name of removals) {
    subtract(entries.get(name));
    if (entries.delete(name)) touched.push(name);
  }
  for (const entry of upserts) {
    subtract(entries.get(entry.name));
    const [a, b] = entryDigest(entry);
    high = (high + a) >>> 0;
    low = (low + b) >>> 0;
    entries.set(entry.name, entry);
    touched.push(entry.name);
  }
  const collection: McpCollection = {
    name: previous.name,
    version: versionOf(previous.name, entries.size, [high, low]),
    entries,
  };
  sums.set(collection, [high, low]);
  deltas.set(collection, { parent: previous, touched });
  trimLineage(collection);
  return collection;
}

function mergeEntries(
  entries: Map<string, McpEntry>,
  upserts: Iterable<McpEntry>,
  removals: Iterable<string>,
): Map<string, McpEntry> {
  for (const name of removals) entries.delete(name);
  for (const entry of upserts) entries.set(entry.name, entry);
  return entries;
}

function trimLineage(collection: McpCollection): void {
  let current: McpCollection | undefined = collection;
  for (let depth = 0; current && depth < MAX_DELTA_CHAIN; depth++) current = deltas.get(current)?.parent;
  if (current) deltas.delete(current);
}

/**
 * What changed from `from` to `to` when `to` descends from `from` through recorded deltas (else undefined): the
 * incremental update for a sink that holds `from`, computed from the changes alone.
 */
export function deltaSince(
  from: McpCollection,
  to: McpCollection,
): { changed: McpEntry[]; removed: string[] } | undefined {
  const touched = new Set<string>();
  let current = to;
  for (let depth = 0; current !== from; depth++) {
    const delta = deltas.get(current);
    if (!delta || depth >= MAX_DELTA_CHAIN) return undefined;
    for (const name of delta.touched) touched.add(name);
    current = delta.parent;
  }
  const changed: McpEntry[] = [];
  const removed: string[] = [];
  for (const name of touched) {
    const now = to.entries.get(name);
    if (now) {
      if (from.entries.get(name)?.version !== now.version) changed.push(now);
    } else if (from.entries.has(name)) removed.push(name);
  }
  return { changed, removed };
}

export function makeSnapshot(collections: Iterable<McpCollection>): McpSnapshot {
  return Object.freeze({ collections: new Map([...collections].map((collection) => [collection.name, collection])) });
}

/** A snapshot with every named collection present (empty when it has no resources); `reuse` keeps unchanged ones. */
export function snapshotFrom(
  collectionNames: readonly string[],
  entries: ReadonlyMap<string, readonly McpEntry[]>,
  reuse?: { readonly previous: McpSnapshot; readonly unchanged: ReadonlySet<string> },
): McpSnapshot {
  const names = new Set([...collectionNames, ...entries.keys()]);
  return makeSnapshot(
    [...names].sort().map((name) => {
      const previous = reuse?.unchanged.has(name) ? reuse.previous.collections.get(name) : undefined;
      return previous ?? makeCollection(name, entries.get(name) ?? []);
    }),
  );
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

const versionMaps = new WeakMap<McpCollection, ReadonlyMap<string, string>>();

/** name → version of a collection, computed once per collection object (shared by every sink it is sent to). */
export function versionsOf(collection: McpCollection): ReadonlyMap<string, string> {
  let versions = versionMaps.get(collection);
  if (!versions) {
    versions = new Map([...collection.entries.values()].map((entry) => [entry.name, entry.version]));
    versionMaps.set(collection, versions);
  }
  return versions;
}

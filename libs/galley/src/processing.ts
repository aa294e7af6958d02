import {
  makeCollection,
  makeEntry,
  makeSnapshot,
  snapshotFrom,
  updateCollection,
  type McpEntry,
  type McpSnapshot,
} from '@isthmus/mcp';
import {
  mcpName,
  resourceKey,
  type ConfigSchemaPort,
  type KindInfo,
  type RawResource,
  type ValidationProblem,
} from './model';

export interface AcceptedResource {
  readonly key: string;
  readonly kind: KindInfo;
  readonly raw: RawResource;
  readonly entry: McpEntry;
}

export interface Rejection {
  readonly key: string;
  readonly kind: KindInfo;
  readonly raw: RawResource;
  readonly problems: readonly ValidationProblem[];
  /** Whether an earlier good version of the same resource is still served in its place. */
  readonly servingLastGood: boolean;
}

export type ConfigOperation = 'CREATE' | 'UPDATE' | 'DELETE';

/** An accepted change, as the audit stream records it. */
export interface ConfigChange {
  readonly operation: ConfigOperation;
  readonly apiVersion: string;
  readonly kind: string;
  readonly collection: string;
  readonly namespace: string;
  readonly name: string;
  /** Kubernetes resourceVersion when known, else the content hash. */
  readonly version: string;
  readonly contentHash: string;
}

/** The state after one processing pass: what is served and what is held back. */
export interface ProcessedConfig {
  readonly accepted: ReadonlyMap<string, AcceptedResource>;
  readonly rejected: ReadonlyMap<string, Rejection>;
}

export const EMPTY_CONFIG: ProcessedConfig = { accepted: new Map(), rejected: new Map() };

export interface ProcessResult {
  readonly config: ProcessedConfig;
  readonly changes: readonly ConfigChange[];
  /** Rejections not present (with the same content) in the previous pass. */
  readonly newRejections: readonly Rejection[];
  /** Resources rejected before and accepted (or gone) now. */
  readonly cleared: readonly RawResource[];
  /** Resources of kinds the schema does not know (skipped). */
  readonly unknown: readonly RawResource[];
}

type Verdict = { ok: true; entry: McpEntry } | { ok: false; problems: readonly ValidationProblem[] };

/** Validation outcome per source object: unchanged objects are not validated or hashed again. */
export class VerdictCache {
  private readonly verdicts = new WeakMap<RawResource, Verdict>();
  private readonly identities = new WeakMap<RawResource, { kind: KindInfo; key: string } | null>();

  /** Kind and resource key of a source object (null for unknown kinds), looked up once per object. */
  identity(raw: RawResource, schema: ConfigSchemaPort): { kind: KindInfo; key: string } | null {
    let identity = this.identities.get(raw);
    if (identity === undefined) {
      const kind = schema.lookup(raw.apiVersion, raw.kind);
      identity = kind ? { kind, key: resourceKey(kind.collection, raw) } : null;
      this.identities.set(raw, identity);
    }
    return identity;
  }

  verdict(raw: RawResource, kind: KindInfo, schema: ConfigSchemaPort): Verdict {
    let verdict = this.verdicts.get(raw);
    if (!verdict) {
      const errors = schema.validate(raw, kind).filter((problem) => problem.severity === 'error');
      verdict =
        errors.length > 0
          ? { ok: false, problems: errors }
          : {
              ok: true,
              entry: makeEntry({
                name: mcpName(raw),
                labels: raw.labels,
                annotations: raw.annotations,
                body: raw.body,
                createTimeMs: raw.createTimeMs,
              }),
            };
      this.verdicts.set(raw, verdict);
    }
    return verdict;
  }
}

/**
 * One processing pass (pure apart from the verdict cache): validate every resource; an invalid one is left out and
 * never replaces the last good version of the same resource; diff against the previous pass for the audit stream.
 */
export function processResources(
  previous: ProcessedConfig,
  raws: Iterable<RawResource>,
  schema: ConfigSchemaPort,
  verdicts: VerdictCache,
): ProcessResult {
  const accepted = new Map<string, AcceptedResource>();
  const rejected = new Map<string, Rejection>();
  const unknown: RawResource[] = [];
  for (const raw of raws) {
    const identity = verdicts.identity(raw, schema);
    if (!identity) {
      unknown.push(raw);
      continue;
    }
    const { kind, key } = identity;
    const verdict = verdicts.verdict(raw, kind, schema);
    if (verdict.ok) {
      const before = previous.accepted.get(key);
      // Keep the previous object when nothing changed, so its encoded form is reused downstream.
      const same = before !== undefined && before.entry.version === verdict.entry.version;
      accepted.set(
        key,
        same ? (before.raw === raw ? before : { ...before, raw }) : { key, kind, raw, entry: verdict.entry },
      );
      continue;
    }
    const lastGood = previous.accepted.get(key);
    if (lastGood) accepted.set(key, lastGood);
    rejected.set(key, { key, kind, raw, problems: verdict.problems, servingLastGood: Boolean(lastGood) });
  }
  const changes: ConfigChange[] = [];
  for (const [key, resource] of accepted) {
    const before = previous.accepted.get(key);
    if (!before) changes.push(change('CREATE', resource));
    else if (before.entry.version !== resource.entry.version) changes.push(change('UPDATE', resource));
  }
  for (const [key, resource] of previous.accepted) if (!accepted.has(key)) changes.push(change('DELETE', resource));
  const newRejections = [...rejected.values()].filter(
    (rejection) => !sameRejection(previous.rejected.get(rejection.key), rejection),
  );
  const cleared = [...previous.rejected.values()]
    .filter((rejection) => !rejected.has(rejection.key))
    .map((rejection) => rejection.raw);
  return { config: { accepted, rejected }, changes, newRejections, cleared, unknown };
}

/**
 * The MCP snapshot of an accepted set: every kind's collection, empty ones included. With `previous` and the pass's
 * changes, a changed collection is derived from its previous version by those changes alone (so sinks get deltas
 * computed from them); unchanged collections are the previous snapshot's objects.
 */
export function snapshotOf(
  config: ProcessedConfig,
  kinds: readonly KindInfo[],
  previous?: { snapshot: McpSnapshot; changes: readonly ConfigChange[] },
): McpSnapshot {
  const names = kinds.map((kind) => kind.collection);
  if (!previous || previous.snapshot.collections.size === 0) {
    const byCollection = new Map<string, McpEntry[]>();
    for (const resource of config.accepted.values()) {
      const list = byCollection.get(resource.kind.collection) ?? [];
      list.push(resource.entry);
      byCollection.set(resource.kind.collection, list);
    }
    return snapshotFrom(names, byCollection);
  }
  const perCollection = new Map<string, { upserts: McpEntry[]; removals: string[] }>();
  for (const change of previous.changes) {
    const delta = perCollection.get(change.collection) ?? { upserts: [], removals: [] };
    perCollection.set(change.collection, delta);
    if (change.operation === 'DELETE') delta.removals.push(mcpName(change));
    else {
      const entry = config.accepted.get(resourceKey(change.collection, change))?.entry;
      if (entry) delta.upserts.push(entry);
    }
  }
  return makeSnapshot(
    [...new Set(names)].sort().map((name) => {
      const before = previous.snapshot.collections.get(name) ?? makeCollection(name, []);
      const delta = perCollection.get(name);
      return delta ? updateCollection(before, delta.upserts, delta.removals) : before;
    }),
  );
}

function change(operation: ConfigOperation, resource: AcceptedResource): ConfigChange {
  return {
    operation,
    apiVersion: resource.raw.apiVersion,
    kind: resource.kind.kind,
    collection: resource.kind.collection,
    namespace: resource.raw.namespace,
    name: resource.raw.name,
    version: resource.raw.resourceVersion ?? resource.entry.version,
    contentHash: resource.entry.version,
  };
}

function sameRejection(before: Rejection | undefined, now: Rejection): boolean {
  return (
    before !== undefined && (before.raw === now.raw || JSON.stringify(before.problems) === JSON.stringify(now.problems))
  );
}

import type { McpSnapshot, SinkStatus } from '@isthmus/mcp';
import type { ConfigSource } from './model';
import type { Rejection } from './processing';

/** What `/debug/mcp` shows: each collection's version and size, each sink's ACKed versions, what is held back. */
export function debugReport(input: {
  snapshot: McpSnapshot;
  sinks: readonly SinkStatus[];
  rejections: readonly Rejection[];
  sources: readonly ConfigSource[];
}) {
  return {
    collections: [...input.snapshot.collections.values()].map((collection) => ({
      collection: collection.name,
      version: collection.version,
      resources: collection.entries.size,
    })),
    sinks: input.sinks,
    rejected: input.rejections.map((rejection) => ({
      kind: rejection.raw.kind,
      namespace: rejection.raw.namespace,
      name: rejection.raw.name,
      origin: rejection.raw.origin,
      servingLastGood: rejection.servingLastGood,
      problems: rejection.problems.map((problem) => `${problem.path}: ${problem.message}`),
    })),
    sources: input.sources.map((source) => ({
      name: source.name,
      synced: source.hasSynced(),
      ...source.details?.(),
    })),
  };
}

export { Debouncer, type DebounceOptions } from './debounce';
export { canonicalJson, contentHash } from './hash';
export { McpSinkClient, type McpSinkOptions, type SinkConnectionState } from './sink-client';
export type { SinkCollection, SinkCollectionState, SinkResource, SinkResourceMeta, SinkUpdate } from './sink-state';
export {
  deltaSince,
  diffCollection,
  makeCollection,
  makeEntry,
  makeSnapshot,
  snapshotFrom,
  updateCollection,
  versionsOf,
  type McpCollection,
  type McpEntry,
  type McpEntryInput,
  type McpSnapshot,
} from './snapshot';
export { SnapshotCache, type Published, type SnapshotReader } from './snapshot-cache';
export type { CollectionStatus, McpSourceHooks, SinkIdentity, SinkStatus } from './source-connection';
export { McpSourceService, type McpSourceOptions } from './source-server';
export { mcpSourceMetrics } from './metrics';

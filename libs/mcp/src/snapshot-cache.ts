import { makeSnapshot, type McpSnapshot } from './snapshot';

/** A published snapshot and when it was published (monotonic ms), for push-latency figures. */
export interface Published {
  readonly snapshot: McpSnapshot;
  readonly publishedAt: number;
}

/** What the MCP server sees: the current snapshot and change notifications. It never writes. */
export interface SnapshotReader {
  current(): Published;
  subscribe(listener: (published: Published) => void): () => void;
}

/** Holds the one current snapshot; `setSnapshot` is the single write path. */
export class SnapshotCache implements SnapshotReader {
  private published: Published = { snapshot: makeSnapshot([]), publishedAt: performance.now() };
  private readonly listeners = new Set<(published: Published) => void>();

  current(): Published {
    return this.published;
  }

  setSnapshot(snapshot: McpSnapshot): void {
    this.published = { snapshot, publishedAt: performance.now() };
    for (const listener of [...this.listeners]) listener(this.published);
  }

  subscribe(listener: (published: Published) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

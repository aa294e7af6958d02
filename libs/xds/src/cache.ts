import { Snapshot, ConsistencyProblem } from './snapshot';

export type SnapshotListener = (snapshot: Snapshot) => void;

/** What the ADS server reads: the current snapshot of a node key, and change notifications. */
export interface SnapshotCache {
  getSnapshot(key: string): Snapshot | undefined;
  /** Calls `listener` on every published snapshot of `key` (not with the current one); returns an unsubscribe. */
  watch(key: string, listener: SnapshotListener): () => void;
}

export type SetSnapshotResult = { ok: true; changed: boolean } | { ok: false; problems: readonly ConsistencyProblem[] };

/** The single write path: only consistent snapshots are published; a rejected one leaves the last good in place. */
export interface WritableSnapshotCache extends SnapshotCache {
  setSnapshot(key: string, snapshot: Snapshot): SetSnapshotResult;
  clearSnapshot(key: string): void;
  keys(): string[];
}

export class MemorySnapshotCache implements WritableSnapshotCache {
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly listeners = new Map<string, Set<SnapshotListener>>();

  getSnapshot(key: string): Snapshot | undefined {
    return this.snapshots.get(key);
  }

  setSnapshot(key: string, snapshot: Snapshot): SetSnapshotResult {
    const problems = snapshot.consistent();
    if (problems.length > 0) return { ok: false, problems };
    const previous = this.snapshots.get(key);
    this.snapshots.set(key, snapshot);
    const changed = previous?.version !== snapshot.version;
    if (changed) for (const listener of this.listeners.get(key) ?? []) listener(snapshot);
    return { ok: true, changed };
  }

  clearSnapshot(key: string): void {
    this.snapshots.delete(key);
  }

  keys(): string[] {
    return [...this.snapshots.keys()];
  }

  watch(key: string, listener: SnapshotListener): () => void {
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(key) === set) this.listeners.delete(key);
    };
  }
}

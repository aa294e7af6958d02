import cluster, { type Worker } from 'node:cluster';
import { mergeSnapshots, ProxyEngine, type NamedResource, type ProxyOptions, type StatsSnapshot, type XdsSink } from '@isthmus/proxy';
import type { Cluster__Output, ClusterLoadAssignment__Output, Listener__Output, RouteConfiguration__Output } from '@isthmus/protos';
import type { Logger } from '@isthmus/runtime';

type Kind = 'clusters' | 'endpoints' | 'listeners' | 'routes';
type ToWorker = { t: 'apply'; seq: number; kind: Kind; resources: readonly NamedResource<unknown>[]; version: string } | { t: 'stats'; id: number } | { t: 'close'; drainMs: number };
type FromWorker =
  | { t: 'applied'; seq: number; error?: string }
  | { t: 'stats'; id: number; snapshot: StatsSnapshot }
  | { t: 'state'; ready: boolean };

/**
 * The primary's side of --concurrency: validates each update on its own (non-binding) engine — so ACK/NACK reflect
 * what the workers will run — then sends it to every worker in order. Workers share the listening sockets through
 * node:cluster; a worker that dies is replaced and replayed the current config.
 */
export class WorkerPool implements XdsSink {
  private readonly workers = new Set<Worker>();
  private readonly latest = new Map<Kind, { resources: readonly NamedResource<unknown>[]; version: string }>();
  private readonly pending = new Map<number, { remaining: Set<Worker>; resolve: (error?: string) => void }>();
  private readonly statsRequests = new Map<number, { remaining: number; snapshots: StatsSnapshot[]; resolve: (snapshot: StatsSnapshot) => void }>();
  private seq = 0;
  private readonly workerReady = new Map<Worker, boolean>();
  private closing = false;

  constructor(
    private readonly size: number,
    private readonly engine: ProxyEngine,
    private readonly logger: Logger,
  ) {
    cluster.setupPrimary({ serialization: 'advanced' });
    for (let index = 0; index < size; index++) this.fork();
  }

  /** Every worker has bound the current listeners. */
  get ready(): boolean {
    return this.workers.size > 0 && [...this.workers].every((worker) => this.workerReady.get(worker) === true);
  }

  private fork(): void {
    const worker = cluster.fork();
    this.workers.add(worker);
    worker.on('message', (message: FromWorker) => this.onMessage(worker, message));
    worker.once('online', () => {
      for (const kind of ['clusters', 'endpoints', 'routes', 'listeners'] as const) {
        const update = this.latest.get(kind);
        if (update) worker.send({ t: 'apply', seq: ++this.seq, kind, ...update } satisfies ToWorker);
      }
    });
    worker.once('exit', (code) => {
      this.workers.delete(worker);
      this.workerReady.delete(worker);
      for (const entry of this.pending.values()) {
        entry.remaining.delete(worker);
        if (entry.remaining.size === 0) entry.resolve();
      }
      if (this.closing) return;
      this.logger.error({ pid: worker.process.pid, code }, 'worker exited; starting a new one');
      this.fork();
    });
  }

  private onMessage(worker: Worker, message: FromWorker): void {
    if (message.t === 'state') {
      this.workerReady.set(worker, message.ready);
    } else if (message.t === 'applied') {
      const entry = this.pending.get(message.seq);
      if (!entry) return;
      if (message.error) this.logger.error({ pid: worker.process.pid, error: message.error }, 'worker failed to apply config');
      entry.remaining.delete(worker);
      if (message.error) entry.resolve(message.error);
      else if (entry.remaining.size === 0) entry.resolve();
    } else if (message.t === 'stats') {
      const request = this.statsRequests.get(message.id);
      if (!request) return;
      request.snapshots.push(message.snapshot);
      if (--request.remaining === 0) {
        this.statsRequests.delete(message.id);
        request.resolve(mergeSnapshots(request.snapshots));
      }
    }
  }

  /** Sends an update to every worker; resolves when all applied it (or with the first worker's error). */
  private broadcast(kind: Kind, resources: readonly NamedResource<unknown>[], version: string): Promise<string | undefined> {
    this.latest.set(kind, { resources, version });
    const seq = ++this.seq;
    return new Promise((resolve) => {
      const remaining = new Set(this.workers);
      if (remaining.size === 0) return resolve(undefined);
      this.pending.set(seq, { remaining, resolve: (error) => (this.pending.delete(seq), resolve(error)) });
      for (const worker of remaining) worker.send({ t: 'apply', seq, kind, resources, version } satisfies ToWorker);
    });
  }

  applyClusters(resources: readonly NamedResource<Cluster__Output>[], version: string): string[] {
    const names = this.engine.applyClusters(resources, version);
    void this.broadcast('clusters', resources, version);
    return names;
  }

  applyEndpoints(resources: readonly NamedResource<ClusterLoadAssignment__Output>[], version: string): void {
    this.engine.applyEndpoints(resources, version);
    void this.broadcast('endpoints', resources, version);
  }

  async applyListeners(resources: readonly NamedResource<Listener__Output>[], version: string): Promise<string[]> {
    const names = await this.engine.applyListeners(resources, version);
    const error = await this.broadcast('listeners', resources, version);
    if (error) throw new Error(error);
    return names;
  }

  applyRoutes(resources: readonly NamedResource<RouteConfiguration__Output>[], version: string): void {
    this.engine.applyRoutes(resources, version);
    void this.broadcast('routes', resources, version);
  }

  /** Stats of every worker added up, plus the primary's config counters. */
  stats(): Promise<StatsSnapshot> {
    const id = ++this.seq;
    const own = this.engine.stats.snapshot();
    if (this.workers.size === 0) return Promise.resolve(own);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const request = this.statsRequests.get(id);
        this.statsRequests.delete(id);
        resolve(mergeSnapshots([own, ...(request?.snapshots ?? [])]));
      }, 2_000);
      this.statsRequests.set(id, {
        remaining: this.workers.size,
        snapshots: [own],
        resolve: (snapshot) => {
          clearTimeout(timer);
          resolve(snapshot);
        },
      });
      for (const worker of this.workers) worker.send({ t: 'stats', id } satisfies ToWorker);
    });
  }

  async close(drainMs: number): Promise<void> {
    this.closing = true;
    await Promise.all(
      [...this.workers].map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once('exit', () => resolve());
            worker.send({ t: 'close', drainMs } satisfies ToWorker);
            setTimeout(() => {
              worker.kill('SIGKILL');
              resolve();
            }, drainMs + 2_000).unref();
          }),
      ),
    );
  }
}

/** A worker: applies the updates the primary sends, in order, to its own engine that owns the sockets. */
export async function runWorker(options: ProxyOptions): Promise<void> {
  const engine = new ProxyEngine({ ...options, onError: (what, error) => process.stderr.write(`worker ${process.pid}: ${what}: ${error.message}\n`) });
  let chain = Promise.resolve();
  process.on('message', (message: ToWorker) => {
    if (message.t === 'stats') {
      process.send?.({ t: 'stats', id: message.id, snapshot: engine.stats.snapshot() } satisfies FromWorker);
      return;
    }
    if (message.t === 'close') {
      void engine.close(message.drainMs).finally(() => process.exit(0));
      return;
    }
    chain = chain.then(async () => {
      let error: string | undefined;
      try {
        if (message.kind === 'clusters') engine.applyClusters(message.resources as NamedResource<Cluster__Output>[], message.version);
        else if (message.kind === 'endpoints') engine.applyEndpoints(message.resources as NamedResource<ClusterLoadAssignment__Output>[], message.version);
        else if (message.kind === 'routes') engine.applyRoutes(message.resources as NamedResource<RouteConfiguration__Output>[], message.version);
        else await engine.applyListeners(message.resources as NamedResource<Listener__Output>[], message.version);
      } catch (caught: unknown) {
        error = caught instanceof Error ? caught.message : String(caught);
      }
      process.send?.({ t: 'applied', seq: message.seq, error } satisfies FromWorker);
      // Readiness follows binding, which may wait for route tables (warming): report it when it settles.
      void engine.settled().then(() => process.send?.({ t: 'state', ready: engine.ready } satisfies FromWorker));
    });
  });
  process.on('SIGTERM', () => undefined); // the primary coordinates shutdown
  process.on('SIGINT', () => undefined);
}

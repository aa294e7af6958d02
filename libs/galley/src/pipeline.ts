import { Debouncer, type SnapshotCache } from '@isthmus/mcp';
import type { Logger } from '@isthmus/runtime';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { ConfigSchemaPort, ConfigSource, KindInfo, RawResource, ValidationProblem } from './model';
import {
  EMPTY_CONFIG,
  processResources,
  snapshotOf,
  VerdictCache,
  type ConfigChange,
  type ProcessedConfig,
  type Rejection,
} from './processing';

/** Receives every accepted change (the audit stream). Must not block: it buffers or drops on its own. */
export interface ConfigChangeSink {
  publish(change: ConfigChange, at: Date): void;
}

/** Writes validation outcomes back onto the resource (a status condition on Kubernetes); absent for files. */
export interface StatusReporter {
  report(resource: RawResource, kind: KindInfo, problems: readonly ValidationProblem[] | undefined): void;
}

export interface ConfigPipelineOptions {
  readonly sources: readonly ConfigSource[];
  readonly schema: ConfigSchemaPort;
  readonly cache: SnapshotCache;
  readonly logger: Logger;
  readonly registry?: Registry;
  readonly debounce?: { quietMs: number; maxDelayMs: number };
  readonly changes?: ConfigChangeSink;
  readonly status?: StatusReporter;
}

/**
 * Sources → validation → one snapshot. Changes from any source are debounced into one processing pass; the snapshot
 * is published only when some collection changed.
 */
export class ConfigPipeline {
  private config: ProcessedConfig = EMPTY_CONFIG;
  private readonly verdicts = new VerdictCache();
  private readonly debouncer: Debouncer;
  private readonly metrics: ReturnType<typeof pipelineMetrics> | undefined;
  private passes = 0;

  constructor(private readonly options: ConfigPipelineOptions) {
    this.debouncer = new Debouncer(options.debounce ?? { quietMs: 10, maxDelayMs: 100 }, () => this.process());
    this.metrics = options.registry ? pipelineMetrics(options.registry) : undefined;
    for (const source of options.sources) source.onChange(() => this.debouncer.trigger());
  }

  /** Starts every source and publishes the first snapshot once all have synced. */
  async start(): Promise<void> {
    await Promise.all(this.options.sources.map((source) => source.start()));
    this.process();
  }

  async stop(): Promise<void> {
    this.debouncer.stop();
    await Promise.all(this.options.sources.map((source) => source.stop()));
  }

  synced(): boolean {
    return this.passes > 0 && this.options.sources.every((source) => source.hasSynced());
  }

  current(): ProcessedConfig {
    return this.config;
  }

  rejections(): Rejection[] {
    return [...this.config.rejected.values()];
  }

  /** Runs a pending debounced pass now. */
  flush(): void {
    this.debouncer.flushNow();
  }

  private process(): void {
    const started = performance.now();
    const { logger, schema, cache } = this.options;
    const raws = this.options.sources.flatMap((source) => [...source.resources()]);
    const result = processResources(this.config, raws, schema, this.verdicts);
    const previous = cache.current().snapshot;
    this.config = result.config;
    this.passes++;
    for (const raw of result.unknown)
      logger.debug(
        { kind: raw.kind, apiVersion: raw.apiVersion, origin: raw.origin },
        'resource of unknown kind ignored',
      );
    for (const rejection of result.newRejections) {
      const { raw, problems, servingLastGood } = rejection;
      logger.warn(
        {
          kind: raw.kind,
          namespace: raw.namespace,
          name: raw.name,
          origin: raw.origin,
          problems: problems.map((p) => `${p.path}: ${p.message}`),
          servingLastGood,
        },
        `${raw.kind} ${raw.namespace ? `${raw.namespace}/` : ''}${raw.name} rejected: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      );
      this.metrics?.validationFailed.labels(raw.kind).inc();
      this.options.status?.report(raw, rejection.kind, problems);
    }
    for (const raw of result.cleared) {
      const kind = schema.lookup(raw.apiVersion, raw.kind);
      const current =
        kind &&
        [...result.config.accepted.values()].find(
          (item) => item.raw.kind === raw.kind && item.raw.namespace === raw.namespace && item.raw.name === raw.name,
        );
      if (kind && current) this.options.status?.report(current.raw, kind, undefined);
    }
    const snapshot = snapshotOf(result.config, schema.kinds(), { snapshot: previous, changes: result.changes });
    const changed = [...snapshot.collections].some(
      ([name, collection]) => previous.collections.get(name)?.version !== collection.version,
    );
    if (changed || previous.collections.size === 0) cache.setSnapshot(snapshot);
    const now = new Date();
    for (const change of result.changes) this.options.changes?.publish(change, now);
    if (this.metrics) {
      for (const [name, collection] of snapshot.collections)
        this.metrics.resources.labels(name).set(collection.entries.size);
      this.metrics.passes.inc();
      this.metrics.duration.observe((performance.now() - started) / 1000);
    }
    logger.debug(
      {
        resources: result.config.accepted.size,
        rejected: result.config.rejected.size,
        changes: result.changes.length,
        ms: Math.round(performance.now() - started),
      },
      'config processed',
    );
  }
}

function pipelineMetrics(registry: Registry) {
  return {
    validationFailed: new Counter({
      name: 'galley_validation_failed',
      help: 'Resources rejected by validation (each rejected content counted once)',
      labelNames: ['kind'],
      registers: [registry],
    }),
    resources: new Gauge({
      name: 'galley_collection_resources',
      help: 'Resources served per MCP collection',
      labelNames: ['collection'],
      registers: [registry],
    }),
    passes: new Counter({
      name: 'galley_processing_passes_total',
      help: 'Debounced processing passes',
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'galley_processing_duration_seconds',
      help: 'Time of one processing pass (validation + snapshot build)',
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
  };
}

/**
 * Benchmark: Galley distributing 10,000 resources to 10 MCP sinks over real gRPC (loopback).
 * Usage: npm run bench -- galley-mcp [resources=10000] [sinks=10] [changes=100] [debounceQuietMs=10] [mode=mixed]
 * mode: `incremental` (every sink asks for incremental updates), `sotw` (state of the world), `mixed` (half each).
 * Galley (validation pipeline, snapshot, MCP server) runs here with an in-memory source; the sinks run in a child
 * process. Prints: initial validation+snapshot time, initial sync time (sinks start → all sinks hold every
 * collection), and change-to-all-sinks latency p50/p90/p99 (source change → the last sink applied it), with the targets
 * (≤ 2 s and ≤ 100 ms p99).
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { GalleyServer, type ConfigSource, type RawResource } from '@isthmus/galley';
import { LogScopes } from '@isthmus/runtime';
import { Registry } from 'prom-client';

const [resourceCount, sinkCount, changeCount, quietMs] = [10_000, 10, 100, 10].map((fallback, index) =>
  Number(process.argv[2 + index] ?? fallback),
);
const mode = process.argv[6] ?? 'mixed';
const now = () => performance.timeOrigin + performance.now();

/** In-memory source: the benchmark edits resources and notifies, with no file or API-server latency in the figure. */
class BenchSource implements ConfigSource {
  readonly name = 'bench';
  readonly items = new Map<string, RawResource>();
  private readonly listeners: (() => void)[] = [];
  start(): Promise<void> {
    return Promise.resolve(); // in memory: synced from the start
  }
  stop(): Promise<void> {
    return Promise.resolve();
  }
  hasSynced(): boolean {
    return true;
  }
  resources(): Iterable<RawResource> {
    return this.items.values();
  }
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }
  set(resource: RawResource): void {
    this.items.set(`${resource.namespace}/${resource.name}`, resource);
    for (const listener of this.listeners) listener();
  }
}

function virtualService(index: number, host = `svc-${index}.ns-${index % 100}.svc.cluster.local`): RawResource {
  return {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'VirtualService',
    namespace: `ns-${index % 100}`,
    name: `vs-${index}`,
    labels: { app: `app-${index % 50}` },
    annotations: {},
    body: {
      hosts: [host],
      http: [
        {
          match: [{ headers: { 'user-agent': { regex: '.*Firefox.*' } } }],
          route: [{ destination: { host, subset: 'v2' } }],
        },
        {
          route: [
            { destination: { host, subset: 'v1' }, weight: 80 },
            { destination: { host, subset: 'v2' }, weight: 20 },
          ],
          timeout: '3s',
          retries: { attempts: 3, perTryTimeout: '1s' },
        },
      ],
    },
    origin: 'bench',
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const source = new BenchSource();
  for (let index = 0; index < resourceCount; index++)
    source.items.set(`ns-${index % 100}/vs-${index}`, virtualService(index));
  const registry = new Registry();
  const galley = new GalleyServer({
    logs: new LogScopes('galley', new Map([['default', 'error']])),
    registry,
    sources: [source],
    mcp: { address: '127.0.0.1:0' },
    debounce: { quietMs, maxDelayMs: 100 },
  });
  const processStart = now();
  const { mcp: port } = await galley.start();
  console.log(`galley: ${resourceCount} resources validated and snapshotted in ${ms(now() - processStart)}`);

  const child = fork(join(__dirname, 'lib', 'galley-mcp-sinks.ts'), [String(port), String(sinkCount), mode], {
    execArgv: ['--require', 'tsx/cjs', ...(process.env['BENCH_SINK_NODE_ARGS'] ?? '').split(' ').filter(Boolean)],
    env: { ...process.env, TSX_TSCONFIG_PATH: join(__dirname, '..', '..', 'tsconfig.base.json') },
  });
  const synced = new Map<number, number>();
  const applied = new Map<number, number[]>();
  let startedAt = 0;
  const waiters: (() => void)[] = [];
  child.on('message', (message: { type: string; sink?: number; change?: number; at: number }) => {
    if (message.type === 'starting') startedAt = message.at;
    if (message.type === 'synced' && message.sink !== undefined) synced.set(message.sink, message.at);
    if (message.type === 'applied' && message.change !== undefined)
      applied.set(message.change, [...(applied.get(message.change) ?? []), message.at]);
    for (const wake of waiters.splice(0)) wake();
  });
  const until = async (done: () => boolean, what: string, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  };

  await until(() => synced.size === sinkCount, 'initial sync');
  const initialSync = Math.max(...synced.values()) - startedAt;
  console.log(
    `initial sync: ${sinkCount} sinks (${mode}) × ${galley.cache.current().snapshot.collections.size} collections (${resourceCount} resources) in ${ms(initialSync)} (target ≤ 2000 ms)`,
  );

  const latencies: number[] = [];
  for (let change = 0; change < changeCount; change++) {
    const index = (change * 7919) % resourceCount;
    const changedAt = now();
    source.set(virtualService(index, `change-${change}`));
    await until(() => (applied.get(change)?.length ?? 0) >= sinkCount, `change ${change}`);
    latencies.push(Math.max(...(applied.get(change) ?? [])) - changedAt);
    await new Promise((resolve) => setTimeout(resolve, 20)); // separate changes, so each is one push
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const [p50, p90, p99] = [50, 90, 99].map((p) => percentile(sorted, p));
  console.log(
    `change-to-all-sinks latency over ${changeCount} changes (debounce quiet ${quietMs} ms): p50 ${ms(p50)}, p90 ${ms(p90)}, p99 ${ms(p99)}, max ${ms(sorted[sorted.length - 1])} (target p99 ≤ 100 ms)`,
  );
  console.log(
    `${initialSync <= 2000 ? 'PASS' : 'FAIL'}: initial sync ${ms(initialSync)} / 2000 ms; ${p99 <= 100 ? 'PASS' : 'FAIL'}: p99 ${ms(p99)} / 100 ms`,
  );
  const histogramMean = async (name: string) => {
    const values = ((await registry.getSingleMetric(name)?.get())?.values ?? []) as {
      metricName?: string;
      value: number;
    }[];
    const sum = values.find((value) => value.metricName === `${name}_sum`)?.value ?? 0;
    const count = values.find((value) => value.metricName === `${name}_count`)?.value ?? 0;
    return count ? (sum / count) * 1000 : 0;
  };
  console.log(
    `galley side: processing pass mean ${ms(await histogramMean('galley_processing_duration_seconds'))} (validate + snapshot of ${resourceCount}); snapshot-to-send mean ${ms(await histogramMean('galley_mcp_source_push_latency_seconds'))}`,
  );
  console.log(`peak RSS of galley process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
  child.send({ type: 'stop' });
  await galley.stop();
  process.exit(0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import type { KubeConfig } from '@kubernetes/client-node';
import { McpSinkClient, type SinkCollection } from '@isthmus/mcp';
import { LogScopes, Readiness } from '@isthmus/runtime';
import { Registry } from 'prom-client';
import { GalleyServer, IstioConfigSchema, type GalleyOptions } from '../../src';

export const quietLogs = () => new LogScopes('galley-test', new Map([['default', 'error']]));

export const ALL_COLLECTIONS: SinkCollection<unknown>[] = new IstioConfigSchema().kinds().map((kind) => ({ collection: kind.collection, decode: (body) => body }));

export async function startGalley(options: Partial<GalleyOptions> & { kubeConfig?: KubeConfig; mcpPort?: number }) {
  const registry = new Registry();
  const readiness = new Readiness();
  const galley = new GalleyServer({
    logs: quietLogs(),
    registry,
    readiness,
    mcp: { address: `127.0.0.1:${options.mcpPort ?? 0}` },
    debounce: { quietMs: 10, maxDelayMs: 100 },
    ...options,
  });
  const ports = await galley.start();
  return { galley, registry, readiness, port: ports.mcp ?? 0 };
}

export function startSink(port: number, id: string, extra: { incremental?: boolean } = {}): McpSinkClient {
  const sink = new McpSinkClient({
    address: `127.0.0.1:${port}`,
    sinkId: id,
    collections: ALL_COLLECTIONS,
    apply: () => undefined,
    logger: quietLogs().root,
    incremental: extra.incremental,
    backoff: { initialMs: 20, maxMs: 200 },
  });
  sink.start();
  return sink;
}

/** Polls `check` until it returns a value (not undefined) or `timeoutMs` passes. */
export async function within<T>(timeoutMs: number, what: string, check: () => T | undefined): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

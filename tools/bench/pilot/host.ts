/**
 * Pilot under benchmark, as its own process: the discovery core, ADS server and a memory registry holding
 * `--services` services × `--endpoints` endpoints. Commands arrive over IPC so the driver can change endpoints
 * (endpoint-only push) or add a service (full push). Started by tools/bench/pilot.ts.
 */
import { GrpcServer, serverCredentials } from '@isthmus/grpc';
import { DiscoveryService, MemoryRegistry, Service, ServiceEndpoint } from '@isthmus/pilot';
import { LogScopes } from '@isthmus/runtime';
import { AdsServer, MemorySnapshotCache } from '@isthmus/xds';
import { Registry } from 'prom-client';

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const SERVICES = Number(args.get('services') ?? 1000);
const ENDPOINTS = Number(args.get('endpoints') ?? 4);
const PUSH_CONCURRENCY = Number(args.get('pushConcurrency') ?? 64);

export type HostCommand = { cmd: 'setEndpoints'; index: number; round: number } | { cmd: 'addService'; index: number } | { cmd: 'status' };

function service(index: number): Service {
  return {
    hostname: `svc-${index}.bench.svc.cluster.local`,
    namespace: 'bench',
    name: `svc-${index}`,
    address: `10.${100 + Math.floor(index / 65536)}.${Math.floor(index / 256) % 256}.${index % 256}`,
    ports: [{ name: 'http', port: 8080, protocol: 'HTTP' }],
    resolution: 'ClientSideLB',
    meshExternal: false,
    exportTo: [],
    serviceAccounts: [],
    source: 'memory',
  };
}

function endpoints(index: number, round = 0): ServiceEndpoint[] {
  return Array.from({ length: ENDPOINTS }, (_, e) => ({
    hostname: service(index).hostname,
    servicePort: 8080,
    address: `172.${16 + (index % 16)}.${Math.floor(index / 16) % 256}.${(e + round * ENDPOINTS) % 250 + 1}`,
    port: 8080,
    labels: { app: `svc-${index}`, version: e % 2 === 0 ? 'v1' : 'v2' },
  }));
}

async function main(): Promise<void> {
  const logs = new LogScopes('pilot-bench', new Map([['default', 'warn']]));
  const memory = new MemoryRegistry();
  for (let i = 0; i < SERVICES; i++) memory.setService(service(i), endpoints(i));
  const cache = new MemorySnapshotCache();
  const metrics = new Registry();
  const discovery = new DiscoveryService({ cache, registries: [memory], configSources: [], logger: logs.scope('model'), metrics, debounceAfterMs: 100, debounceMaxMs: 10_000 });
  await discovery.start();
  const ads = new AdsServer({ cache, callbacks: discovery.callbacks, logger: logs.scope('ads'), pushConcurrency: PUSH_CONCURRENCY });
  const grpc = new GrpcServer({ logger: logs.scope('grpc'), registry: metrics });
  const { definition, implementation } = ads.service();
  grpc.addService(AdsServer.SERVICE_NAME, definition, implementation);
  const port = await grpc.listen('127.0.0.1:0', serverCredentials());
  process.on('message', (message: HostCommand) => {
    if (message.cmd === 'setEndpoints') {
      const at = Date.now();
      memory.setEndpoints(service(message.index).hostname, endpoints(message.index, message.round));
      process.send?.({ type: 'changed', at });
    } else if (message.cmd === 'addService') {
      const at = Date.now();
      memory.setService(service(message.index), endpoints(message.index));
      process.send?.({ type: 'changed', at });
    } else if (message.cmd === 'status') {
      // Collect garbage first when allowed (--expose-gc), so the figures show what is retained.
      (globalThis as { gc?: () => void }).gc?.();
      if (process.env['PILOT_BENCH_HEAP_SNAPSHOT']) process.stderr.write(`heap snapshot: ${require('node:v8').writeHeapSnapshot(process.env['PILOT_BENCH_HEAP_SNAPSHOT'])}\n`);
      process.send?.({ type: 'status', push: discovery.pushStatus(), clients: ads.connections().length, memory: process.memoryUsage() });
    }
  });
  process.send?.({ type: 'ready', port, pid: process.pid });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});

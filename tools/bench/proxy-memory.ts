/**
 * `npm run bench -- proxy-memory [loadSeconds]`: the proxy's memory with a 1000-service mesh config, in one run:
 *   baselines: a bare `node` HTTP server (the floor of any Node process) and nginx (1 worker, if installed);
 *   the gateway (`gateway proxy sidecar --concurrency 1`, dist bundle — build it with `npx nx run gateway:build`)
 *   idle before any config, after Pilot's config for a sidecar in a mesh of SERVICES HTTP services with ENDPOINTS
 *   endpoints each (generated with @isthmus/pilot's generators, served over ADS), and at its peak under a short
 *   autocannon load through one of those services; then the default `--concurrency 2` (a primary and two workers)
 *   with the same config, as the sum over its processes.
 * Figures per phase: RSS, RssAnon (heap, stacks, malloc), RssFile (mapped binary and libraries), and the V8 heap in
 * use from the admin API's /memory. BENCH_SERVICES / BENCH_ENDPOINTS change the mesh size, BENCH_SETTLE_SECONDS
 * the wait before each idle reading (3); PROXY_NODE_ARGS adds node flags to the proxy (e.g.
 * `--heapsnapshot-signal=SIGUSR2` to look inside); PROXY_BUNDLE runs another build of the gateway (before/after).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { withMeshDefaults } from '@isthmus/config-model';
import type { Listener } from '@isthmus/protos';
import { buildPushContext, generateProxyConfig, parseProxy, type Service, type ServiceEndpoint } from '@isthmus/pilot';
import { freePort } from '@isthmus/runtime/testing';
import { Snapshot } from '@isthmus/xds';
import { startTestAdsServer } from '@isthmus/xds/testing';
import { drive } from './lib/load';
import { cpuSeconds } from './lib/proc-stats';
import { stop } from './lib/processes';
import { nginxInstalled, startNginx } from './lib/nginx';
import { figure, heading } from './lib/report';

const ROOT = join(__dirname, '../..');
const BUNDLE = process.env['PROXY_BUNDLE'] ?? join(ROOT, 'dist/apps/gateway/main.js');
const LOAD_SECONDS = Number(process.argv[2] ?? 4);
const SERVICES = Number(process.env['BENCH_SERVICES'] ?? 1000);
const ENDPOINTS = Number(process.env['BENCH_ENDPOINTS'] ?? 3);
/** Settle time before an idle reading (timers, lazy compilation, the first GCs). */
const SETTLE_MS = Number(process.env['BENCH_SETTLE_SECONDS'] ?? 3) * 1000;
const NAMESPACE = 'bench';
const PROXY_IP = '127.0.0.50';

interface Memory {
  readonly rss: number;
  readonly anon: number;
  readonly file: number;
  readonly peak: number;
}

/** RSS and its parts in MiB, from /proc/<pid>/status. */
function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) / 1024;
  return { rss: mib('VmRSS'), anon: mib('RssAnon'), file: mib('RssFile') + mib('RssShmem'), peak: mib('VmHWM') };
}

/** Proportional set size: shared pages (the node binary) divided among the processes mapping them. */
function pssMiB(pid: number): number {
  return Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) / 1024;
}

function sum(memories: readonly Memory[]): Memory {
  return memories.reduce((a, b) => ({ rss: a.rss + b.rss, anon: a.anon + b.anon, file: a.file + b.file, peak: a.peak + b.peak }));
}

function report(label: string, memory: Memory, heapUsedMiB?: number): void {
  figure(`${label} rss`, memory.rss, 'MiB');
  figure(`${label} rss anon`, memory.anon, 'MiB');
  figure(`${label} rss file`, memory.file, 'MiB');
  if (heapUsedMiB !== undefined) figure(`${label} heap used`, heapUsedMiB, 'MiB');
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(100);
  }
}

const answers = (url: string, init?: RequestInit) => async () => (await fetch(url, init)).status === 200;

function spawnNode(script: string): ChildProcess {
  return spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The floor: the smallest Node process that serves HTTP. */
async function bareNode(): Promise<Memory> {
  const port = await freePort();
  const child = spawnNode(`require('node:http').createServer((req, res) => res.end('ok')).listen(${port}, '127.0.0.1')`);
  await waitFor('bare node server', answers(`http://127.0.0.1:${port}/`));
  await sleep(SETTLE_MS);
  const memory = memoryOf(child.pid ?? 0);
  await stop(child);
  return memory;
}

async function nginx(): Promise<Memory | undefined> {
  if (!nginxInstalled()) return undefined;
  const port = await freePort();
  const child = startNginx(`server { listen 127.0.0.1:${port}; location / { return 200 'ok'; } }`);
  await waitFor('nginx', answers(`http://127.0.0.1:${port}/`));
  await sleep(SETTLE_MS);
  const memory = sum([child.pid ?? 0, ...childrenOf(child.pid ?? 0)].map(memoryOf));
  await stop(child);
  return memory;
}

function service(index: number, port: number): Service {
  return {
    hostname: `svc-${index}.${NAMESPACE}.svc.cluster.local`,
    namespace: NAMESPACE,
    name: `svc-${index}`,
    address: `10.${100 + Math.floor(index / 65536)}.${Math.floor(index / 256) % 256}.${index % 256}`,
    ports: [{ name: 'http', port, protocol: 'HTTP' }],
    resolution: 'ClientSideLB',
    meshExternal: false,
    exportTo: [],
    serviceAccounts: [],
    source: 'memory',
  };
}

/** Endpoints 127.0.0.1..N on the backend's port, so every cluster really reaches the backend. */
function endpointsOf(hostname: string, servicePort: number, backendPort: number): ServiceEndpoint[] {
  return Array.from({ length: ENDPOINTS }, (_, e) => ({ hostname, servicePort, address: `127.0.0.${e + 1}`, port: backendPort, labels: { app: hostname.split('.')[0] } }));
}

/**
 * What Pilot sends a sidecar in a mesh of SERVICES HTTP services on `servicePort`: the outbound listener and route
 * table covering all of them, one EDS cluster per service, the virtual listeners (moved from 15001/15006 to free
 * ports so the bench does not need them).
 */
async function sidecarConfig(nodeId: string, servicePort: number, backendPort: number): Promise<Snapshot> {
  const services = Array.from({ length: SERVICES }, (_, i) => service(i, servicePort));
  const push = buildPushContext({ mesh: withMeshDefaults(), services, endpoints: (host) => endpointsOf(host, servicePort, backendPort), resources: [] });
  const parsed = parseProxy({ id: nodeId, metadata: { NAMESPACE, INTERCEPTION_MODE: 'NONE' } });
  if (!parsed.ok) throw new Error(parsed.error);
  const config = generateProxyConfig(push, parsed.proxy);
  const virtualPorts = new Map([
    [15001, await freePort()],
    [15006, await freePort()],
  ]);
  const listeners = config.listeners.map((listener): Listener => {
    const address = listener.address?.socket_address;
    const moved = virtualPorts.get(Number(address?.port_value));
    return moved && address ? { ...listener, address: { socket_address: { ...address, address: '127.0.0.1', port_value: moved } } } : listener;
  });
  heading(`config: ${config.clusters.length} clusters, ${config.endpoints.length} load assignments, ${config.listeners.length} listeners, ${config.routes.length} route tables`);
  return Snapshot.fromObjects({ ...config, listeners });
}

async function heapUsedMiB(adminPort: number): Promise<number> {
  const memory = (await (await fetch(`http://127.0.0.1:${adminPort}/memory`)).json()) as { allocated?: string };
  return Number(memory.allocated ?? Number.NaN) / 1024 / 1024;
}

async function main(): Promise<void> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: npx nx run gateway:build`);
  heading(`proxy memory: sidecar with ${SERVICES} services × ${ENDPOINTS} endpoints, ${LOAD_SECONDS} s load, ${process.version}`);
  report('bare node http server', await bareNode());
  const nginxMemory = await nginx();
  if (nginxMemory) report('nginx (master + 1 worker)', nginxMemory);
  else process.stdout.write('nginx: skipped (not installed: apt-get install -y nginx)\n');

  const backendPort = await freePort();
  const addresses = Array.from({ length: ENDPOINTS }, (_, e) => `127.0.0.${e + 1}`);
  const backend = spawnNode(
    `const http = require('node:http'); for (const host of ${JSON.stringify(addresses)}) http.createServer((req, res) => { req.resume(); res.end('ok'); }).listen(${backendPort}, host);`,
  );
  const ads = await startTestAdsServer();
  const servicePort = await freePort();
  const nodeId = (pod: string) => `sidecar~${PROXY_IP}~${pod}.${NAMESPACE}~${NAMESPACE}.svc.cluster.local`;
  const snapshot = await sidecarConfig(nodeId('bench-1'), servicePort, backendPort);
  try {
    const proxy = await startSidecar(ads.address, 'bench-1', 1);
    try {
      await measureOneProcess(proxy, () => ads.cache.setSnapshot(nodeId('bench-1'), snapshot), servicePort);
    } finally {
      await stop(proxy.child);
    }
    // The sidecar's default --concurrency 2: a primary (ADS, admin, status) and two worker processes.
    const pool = await startSidecar(ads.address, 'bench-2', 2);
    try {
      ads.cache.setSnapshot(nodeId('bench-2'), snapshot);
      await waitFor('proxy ready', answers(`http://127.0.0.1:${pool.statusPort}/healthz/ready`));
      await sleep(SETTLE_MS);
      const processes = [pool.pid, ...childrenOf(pool.pid)];
      const label = `proxy --concurrency 2 (${processes.length} processes) with ${SERVICES}-service config`;
      report(label, sum(processes.map(memoryOf)));
      figure(`${label} pss`, processes.reduce((total, process) => total + pssMiB(process), 0), 'MiB');
    } finally {
      await stop(pool.child);
    }
  } finally {
    await stop(backend);
    await ads.stop();
  }
}

interface Sidecar {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly statusPort: number;
  readonly adminPort: number;
}

async function startSidecar(adsAddress: string, pod: string, concurrency: number): Promise<Sidecar> {
  const [statusPort, adminPort] = await Promise.all([freePort(), freePort()]);
  const child = spawn(
    process.execPath,
    [
      ...(process.env['PROXY_NODE_ARGS'] ?? '').split(' ').filter(Boolean),
      BUNDLE, 'proxy', 'sidecar', '--concurrency', String(concurrency), '--localMode', '--discoveryAddress', adsAddress,
      '--podName', pod, '--podNamespace', NAMESPACE, '--ip', PROXY_IP, '--statusPort', String(statusPort),
      '--proxyAdminPort', String(adminPort), '--prometheusPort', '0', '--log_output_level', 'default:warn', '--shutdownDrainDuration', '0s',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  await waitFor('proxy admin', answers(`http://127.0.0.1:${adminPort}/memory`));
  return { child, pid: child.pid ?? 0, statusPort, adminPort };
}

function childrenOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

/** One process (--concurrency 1): idle, with the config, at its peak under load, and after it. */
async function measureOneProcess(proxy: Sidecar, sendConfig: () => void, servicePort: number): Promise<void> {
  const { pid, adminPort, statusPort } = proxy;
  await sleep(SETTLE_MS);
  report('proxy idle, no config', memoryOf(pid), await heapUsedMiB(adminPort));

  sendConfig();
  await waitFor('proxy ready', answers(`http://127.0.0.1:${statusPort}/healthz/ready`));
  await sleep(SETTLE_MS);
  report(`proxy with ${SERVICES}-service config`, memoryOf(pid), await heapUsedMiB(adminPort));

  const host = `svc-${SERVICES - 1}.${NAMESPACE}.svc.cluster.local:${servicePort}`;
  let peak = memoryOf(pid);
  const sampler = setInterval(() => {
    const now = memoryOf(pid);
    if (now.rss > peak.rss) peak = now;
  }, 100);
  const cpuBefore = cpuSeconds(pid);
  const load = await drive({ url: `http://127.0.0.1:${servicePort}/`, connections: 16, durationSeconds: LOAD_SECONDS, headers: { host } });
  clearInterval(sampler);
  const cpuMsPer1000 = ((cpuSeconds(pid) - cpuBefore) / Math.max(1, load.requests)) * 1e6;
  heading(`load: ${load.rps.toFixed(0)} req/s, ${load.errors + load.non2xx} errors`);
  figure('proxy cpu per 1000 requests', cpuMsPer1000, 'CPU ms');
  report('proxy peak under load', peak);
  figure('proxy peak rss (VmHWM)', memoryOf(pid).peak, 'MiB');
  await sleep(SETTLE_MS);
  report('proxy after load', memoryOf(pid), await heapUsedMiB(adminPort));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench proxy-memory: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

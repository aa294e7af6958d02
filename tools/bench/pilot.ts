/**
 * Pilot control-plane benchmark:
 *   npx tsx --tsconfig tsconfig.base.json tools/bench/pilot.ts [--services=1000] [--endpoints=4] [--clients=1000] [--rounds=10] [--pushConcurrency=64]
 * Pilot (discovery core + ADS server + memory registry with services × endpoints) runs in one process, N simulated
 * ADS clients in another. Prints: initial full push convergence to all clients, a full push after a service is added
 * (compute time and time until every client has the new CDS), endpoint-change convergence p50/p99 over clients and
 * rounds, and Pilot's RSS and CPU. Targets (shared/docs/performance.md): ≤ 1 s p99 to 1000 clients, full push ≤ 2 s,
 * ≤ 500 MB.
 */
import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { TYPE_URL } from '@isthmus/xds';
import { cpuSeconds, memoryMiB } from './lib/proc-stats';
import { figure, heading, percentile } from './lib/report';

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const SERVICES = Number(args.get('services') ?? 1000);
const ENDPOINTS = Number(args.get('endpoints') ?? 4);
const CLIENTS = Number(args.get('clients') ?? 1000);
const ROUNDS = Number(args.get('rounds') ?? 10);
const PUSH_CONCURRENCY = Number(args.get('pushConcurrency') ?? 64);
const TIMEOUT_MS = 120_000;

type Message = Record<string, unknown> & { type: string };

/** Bundles the Pilot host so its RSS is Pilot's own, without the TypeScript loader. */
async function bundleHost(): Promise<string> {
  const outfile = join(__dirname, '../../dist/bench/pilot-host.js');
  await build({ entryPoints: [join(__dirname, 'pilot', 'host.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', tsconfig: join(__dirname, '../../tsconfig.base.json'), logLevel: 'warning' });
  return outfile;
}

function startBundled(file: string, scriptArgs: string[]): ChildProcess {
  return fork(file, scriptArgs, { cwd: join(__dirname, '../..'), execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function start(script: string, scriptArgs: string[]): ChildProcess {
  const env = { ...process.env, TSX_TSCONFIG_PATH: join(__dirname, '../../tsconfig.base.json') };
  return fork(join(__dirname, 'pilot', script), scriptArgs, { env, execArgv: ['--require', require.resolve('tsx/cjs')], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function next(child: ChildProcess, type: string, timeoutMs = TIMEOUT_MS): Promise<Message> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${type}`)), timeoutMs);
    const onMessage = (message: Message) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
  });
}

async function report(clients: ChildProcess, typeUrl: string) {
  const reply = next(clients, 'report');
  clients.send({ cmd: 'report', typeUrl });
  return (await reply) as unknown as { versions: string[]; times: number[]; complete: number };
}

/** Polls the clients until every one has a version of `typeUrl` different from `before`; returns their receive times. */
async function waitAllChanged(clients: ChildProcess, typeUrl: string, before: readonly string[]): Promise<number[]> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const state = await report(clients, typeUrl);
    if (state.versions.every((version, i) => version && version !== before[i])) return state.times;
    if (Date.now() > deadline) throw new Error(`only ${state.versions.filter((v, i) => v !== before[i]).length}/${CLIENTS} clients got the change`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function main(): Promise<void> {
  heading(`Pilot: ${SERVICES} services × ${ENDPOINTS} endpoints, ${CLIENTS} ADS clients (separate process), ${ROUNDS} endpoint changes, push concurrency ${PUSH_CONCURRENCY}`);
  const host = startBundled(await bundleHost(), [`--services=${SERVICES}`, `--endpoints=${ENDPOINTS}`, `--pushConcurrency=${PUSH_CONCURRENCY}`]);
  const ready = await next(host, 'ready');
  const pid = Number(ready['pid']);
  const idle = memoryMiB(pid);
  figure('pilot RSS before clients', idle.rss, 'MiB');
  const cpuStart = cpuSeconds(pid);

  const connectStarted = Date.now();
  const clients = start('clients.ts', [`--clients=${CLIENTS}`, `--address=127.0.0.1:${ready['port']}`]);
  await next(clients, 'started');
  for (;;) {
    const state = await report(clients, TYPE_URL.route);
    if (state.complete === CLIENTS) break;
    if (Date.now() - connectStarted > TIMEOUT_MS) throw new Error(`only ${state.complete}/${CLIENTS} clients got full config`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  figure('initial config to all clients (connect + CDS/EDS/LDS/RDS)', Date.now() - connectStarted, 'ms');
  figure('pilot RSS with clients connected', memoryMiB(pid).rss, 'MiB');

  // Full push: a new service changes clusters, listeners and routes for every client.
  const beforeCds = (await report(clients, TYPE_URL.cluster)).versions;
  const changed = next(host, 'changed');
  host.send({ cmd: 'addService', index: SERVICES });
  const fullAt = Number((await changed)['at']);
  const fullTimes = await waitAllChanged(clients, TYPE_URL.cluster, beforeCds);
  const statusReply = next(host, 'status');
  host.send({ cmd: 'status' });
  const statusMessage = await statusReply;
  const status = statusMessage['push'] as { lastPushMs: number; sharedConfigs: number };
  const usage = statusMessage['memory'] as NodeJS.MemoryUsage;
  figure('pilot V8 heap used after the full push', usage.heapUsed / 2 ** 20, 'MiB');
  figure('pilot external + array buffers after the full push', (usage.external + usage.arrayBuffers) / 2 ** 20, 'MiB');
  figure('full push: build + publish snapshots (pilot)', status.lastPushMs, 'ms');
  figure('full push: change → CDS at all clients (incl. 100 ms debounce)', Math.max(...fullTimes) - fullAt, 'ms');
  figure('full push: change → CDS p50 over clients', percentile(fullTimes.map((t) => t - fullAt), 50), 'ms');

  // Endpoint-only pushes.
  const latencies: number[] = [];
  const worstPerRound: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = (await report(clients, TYPE_URL.endpoint)).versions;
    const changedReply = next(host, 'changed');
    host.send({ cmd: 'setEndpoints', index: round % SERVICES, round });
    const at = Number((await changedReply)['at']);
    const times = await waitAllChanged(clients, TYPE_URL.endpoint, before);
    const round_ = times.map((time) => time - at);
    latencies.push(...round_);
    worstPerRound.push(Math.max(...round_));
  }
  figure('endpoint change → EDS at a client, p50 (incl. 100 ms debounce)', percentile(latencies, 50), 'ms');
  figure('endpoint change → EDS at a client, p99', percentile(latencies, 99), 'ms');
  figure('endpoint change → EDS at the last client, median round', percentile(worstPerRound, 50), 'ms');
  const memory = memoryMiB(pid);
  figure('pilot RSS at end', memory.rss, 'MiB');
  figure('pilot peak RSS', memory.peak, 'MiB');
  figure('pilot CPU during the run (after start-up)', cpuSeconds(pid) - cpuStart, 's');
  clients.kill('SIGKILL');
  host.kill('SIGTERM');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`pilot bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

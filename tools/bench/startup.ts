/**
 * Benchmark: cold start to `/ready` and idle RSS of each app, side by side with a baseline (a bare Node.js HTTP
 * server answering /ready — the floor any Node process pays). Run: `npm run bench -- startup` (after `npm run build`).
 */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { memoryMiB } from './lib/proc-stats';
import { startAndWaitReady } from './lib/processes';
import { figure, heading, percentile } from './lib/report';

const root = join(__dirname, '../..');
const RUNS = 3;
const port = 18_900;

interface Target {
  readonly name: string;
  readonly args: readonly string[];
  readonly readyPath: string;
}

const baseline: Target = {
  name: 'baseline (bare node http)',
  args: ['-e', `require('http').createServer((q,s)=>s.end('ok')).listen(${port},'127.0.0.1')`],
  readyPath: '/ready',
};

const app = (name: string, ...args: string[]): Target => ({ name, args: [join(root, 'dist/apps', name.split(' ')[0], 'main.js'), ...args], readyPath: '/ready' });
const localConfig = join(root, 'tools/local-mesh/config');
const ops = `127.0.0.1:${port}`;
const targets: readonly Target[] = [
  app('pilot', 'discovery', '--monitoringAddr', ops, '--grpcAddr', '127.0.0.1:0', '--secureGrpcAddr', '', '--httpAddr', '127.0.0.1:0', '--registries', 'Memory', '--configDir', localConfig, '--meshConfig', ''),
  app('citadel', '--monitoring-port', ops, '--grpc-port', '127.0.0.1:0'),
  app('galley', 'server', '--monitoringPort', ops, '--server-address', 'tcp://127.0.0.1:0', '--enable-validation=false', '--insecure', '--configPath', localConfig),
  app('mixer', 'server', '--monitoringPort', ops, '--address', '127.0.0.1:0'),
  app('sidecar-injector', '--monitoringPort', ops),
  // Without a control plane a proxy is never ready (no config), so its start is measured to liveness (/healthz).
  { ...app('gateway', 'proxy', 'router', '--statusPort', String(port), '--proxyAdminPort', '0', '--prometheusPort', '0', '--discoveryAddress', '127.0.0.1:1'), readyPath: '/healthz' },
];

async function measure(target: Target): Promise<{ readyMs: number; idleRss: number }> {
  const readyTimes: number[] = [];
  let idleRss = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = await startAndWaitReady(process.execPath, target.args, `http://127.0.0.1:${port}${target.readyPath}`);
    readyTimes.push(started.readyMs);
    await sleep(1000);
    idleRss = Math.max(idleRss, memoryMiB(started.pid).rss);
    await started.stop();
  }
  return { readyMs: percentile(readyTimes, 50), idleRss };
}

async function main(): Promise<void> {
  heading(`cold start to /ready (median of ${RUNS}) and idle RSS after 1 s`);
  const base = await measure(baseline);
  figure(`${baseline.name} start`, base.readyMs, 'ms');
  figure(`${baseline.name} idle rss`, base.idleRss, 'MiB');
  for (const target of targets) {
    try {
      const result = await measure(target);
      figure(`${target.name} start`, result.readyMs, 'ms', base.readyMs);
      figure(`${target.name} idle rss`, result.idleRss, 'MiB', base.idleRss);
    } catch (error: unknown) {
      process.stdout.write(`${target.name}: FAILED ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  }
}

void main();

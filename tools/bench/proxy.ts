/**
 * `npm run bench -- proxy [seconds]` (or `npx tsx --tsconfig tsconfig.base.json tools/bench/proxy.ts [seconds]`): the data plane side by side in one run, each behind the same 1 kB backend:
 *   direct (no proxy) · nginx reverse proxy (Debian package, 1 worker, keep-alive upstream) · the floor of any Node
 *   proxy (lib/node-floor-proxy: a raw-socket forwarder with no features) · our proxy with
 *   --concurrency 1 and 2 (`gateway proxy router`, config over ADS from an in-process test control plane).
 * Load: autocannon, 16 connections, POST with a 1 kB body, 1 kB response; latency at a fixed 1000 rps is measured in µs
 * (lib/fixed-rate). Figures: rps, p50/p90/p99, CPU seconds
 * per 1000 requests and peak RSS of the proxy's process tree, and ratios against nginx.
 * Needs nginx (`apt-get install -y nginx`); without it that row is skipped with the reason.
 * PROXY_NODE_ARGS adds node flags to the proxy process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where the time goes.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '@isthmus/runtime/testing';
import { Snapshot } from '@isthmus/xds';
import { httpListener, simpleRoute, startTestAdsServer } from '@isthmus/xds/testing';
import { fixedRate } from './lib/fixed-rate';
import { nginxInstalled, startNginx } from './lib/nginx';
import { NODE_FLOOR_PROXY } from './lib/node-floor-proxy';
import { drive, type LoadResult } from './lib/load';
import { cpuSeconds, memoryMiB } from './lib/proc-stats';
import { figure, heading } from './lib/report';

const ROOT = join(__dirname, '../..');
const SECONDS = Number(process.argv[2] ?? 10);
const CONNECTIONS = 16;
const BODY = 'x'.repeat(1024);

async function waitForPort(port: number, path = '/', timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', body: 'ping' });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`port ${port} not serving within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** The process and its children (proxy workers, nginx workers). */
function tree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    // no children
  }
  return [pid, ...children.flatMap(tree)];
}

const treeCpu = (pid: number) => tree(pid).reduce((sum, child) => sum + safe(() => cpuSeconds(child)), 0);
const treeRss = (pid: number) => tree(pid).reduce((sum, child) => sum + safe(() => memoryMiB(child).rss), 0);
function safe(read: () => number): number {
  try {
    return read();
  } catch {
    return 0;
  }
}

interface Row {
  readonly name: string;
  readonly load: LoadResult;
  /** Latency and CPU at a fixed 1000 rps (the performance target's operating point). */
  readonly at1000: { p50: number; p90: number; p99: number; cpuPer1000: number };
  readonly cpuPer1000: number;
  readonly rssMiB: number;
}

async function measure(name: string, port: number, pid: number | undefined): Promise<Row> {
  await drive({ url: `http://127.0.0.1:${port}/`, connections: CONNECTIONS, durationSeconds: 2, method: 'POST', body: BODY }); // warm-up
  const cpuBefore = pid ? treeCpu(pid) : 0;
  let rss = pid ? treeRss(pid) : 0;
  const sampler = setInterval(() => (rss = pid ? Math.max(rss, treeRss(pid)) : 0), 250);
  const load = await drive({ url: `http://127.0.0.1:${port}/`, connections: CONNECTIONS, durationSeconds: SECONDS, method: 'POST', body: BODY });
  clearInterval(sampler);
  const cpu = pid ? treeCpu(pid) - cpuBefore : 0;
  const cpuBeforeFixed = pid ? treeCpu(pid) : 0;
  const fixed = await fixedRate({ url: `http://127.0.0.1:${port}/`, rps: 1000, connections: CONNECTIONS, durationSeconds: Math.max(3, Math.round(SECONDS / 2)), method: 'POST', body: BODY });
  const at1000 = { p50: fixed.p50Ms, p90: fixed.p90Ms, p99: fixed.p99Ms, cpuPer1000: pid && fixed.requests > 0 ? ((treeCpu(pid) - cpuBeforeFixed) / fixed.requests) * 1000 : 0 };
  return { name, load, at1000, cpuPer1000: load.requests > 0 ? (cpu / load.requests) * 1000 : 0, rssMiB: rss };
}

function kill(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const backendPort = await freePort();
  const backend = spawn(
    process.execPath,
    [
      '-e',
      `const body = Buffer.alloc(1024, 'y');
       require('node:http').createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'text/plain', 'content-length': body.length }); res.end(body); }); })
         .listen(${backendPort}, '127.0.0.1');`,
    ],
    { stdio: 'inherit' },
  );
  await waitForPort(backendPort);
  heading(`proxy benchmark: ${CONNECTIONS} connections, POST 1 kB → 1 kB, ${SECONDS} s per row, loopback, ${process.version}`);
  rows.push(await measure('direct', backendPort, undefined));

  // nginx as reverse proxy (the baseline), one worker, keep-alive to the upstream.
  let nginx: ChildProcess | undefined;
  if (nginxInstalled()) {
    const nginxPort = await freePort();
    nginx = startNginx(
      `upstream backend { server 127.0.0.1:${backendPort}; keepalive 32; }
  server { listen 127.0.0.1:${nginxPort}; location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; } }`,
    );
    await waitForPort(nginxPort);
    rows.push(await measure('nginx (1 worker)', nginxPort, nginx.pid));
    await kill(nginx);
  } else {
    process.stdout.write('nginx: skipped (not installed: apt-get install -y nginx)\n');
  }

  // The floor of any Node proxy: what a Node process pays just to pass bytes on (no proxy features).
  const floorPort = await freePort();
  const floor = spawn(process.execPath, ['-e', NODE_FLOOR_PROXY, String(floorPort), String(backendPort)], { stdio: 'inherit' });
  await waitForPort(floorPort);
  rows.push(await measure('node floor (raw-socket forwarder, no features)', floorPort, floor.pid));
  await kill(floor);

  // Our proxy, fed over ADS.
  const ads = await startTestAdsServer();
  for (const workers of [1, 2]) {
    const listenerPort = await freePort();
    const ports = await Promise.all([freePort(), freePort()]);
    const snapshot = Snapshot.fromObjects({
      clusters: [
        {
          name: 'backend',
          type: 'STATIC',
          connect_timeout: { seconds: 1 },
          load_assignment: { cluster_name: 'backend', endpoints: [{ lb_endpoints: [{ endpoint: { address: { socket_address: { address: '127.0.0.1', port_value: backendPort } } } }] }] },
        },
      ],
      listeners: [{ ...httpListener('bench', listenerPort, 'bench'), address: { socket_address: { address: '127.0.0.1', port_value: listenerPort } } }],
      routes: [simpleRoute('bench', ['*'], 'backend')],
    });
    const proxy = spawn(
      process.execPath,
      [
        ...(process.env.PROXY_NODE_ARGS ?? '').split(' ').filter(Boolean),
        join(ROOT, 'bin/gateway.js'), 'proxy', 'router', '--concurrency', String(workers), '--discoveryAddress', ads.address, '--podName', `bench-${workers}`,
        '--podNamespace', 'bench', '--statusPort', String(ports[0]), '--proxyAdminPort', String(ports[1]), '--prometheusPort', '0', '--log_output_level', 'default:warn',
        '--shutdownDrainDuration', '0s',
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ISTHMUS_USE_DIST: existsSync(join(ROOT, 'dist/apps/gateway/main.js')) ? '1' : '' } },
    );
    ads.cache.setSnapshot(`router~127.0.0.1~bench-${workers}.bench~bench.svc.cluster.local`, snapshot);
    await waitForPort(listenerPort);
    rows.push(await measure(`isthmus proxy (${workers} worker${workers > 1 ? 's' : ''})`, listenerPort, proxy.pid));
    await kill(proxy);
  }
  await ads.stop();
  await kill(backend);

  const nginxRow = rows.find((row) => row.name.startsWith('nginx'));
  const direct = rows[0];
  for (const row of rows) {
    heading(row.name);
    figure('rps', row.load.rps, 'req/s', row === nginxRow ? undefined : nginxRow?.load.rps);
    figure('p50', row.load.p50Ms, 'ms');
    figure('p90', row.load.p90Ms, 'ms');
    figure('p99', row.load.p99Ms, 'ms');
    figure('p50 at 1000 rps', row.at1000.p50, 'ms');
    figure('p90 at 1000 rps', row.at1000.p90, 'ms');
    figure('p99 at 1000 rps', row.at1000.p99, 'ms');
    if (row !== direct) {
      figure('added p90 at 1000 rps vs direct', row.at1000.p90 - direct.at1000.p90, 'ms', nginxRow && row !== nginxRow ? nginxRow.at1000.p90 - direct.at1000.p90 : undefined);
      figure('cpu per 1000 requests at full load', row.cpuPer1000, 'CPU s', row === nginxRow ? undefined : nginxRow?.cpuPer1000);
      figure('vCPU at 1000 rps', row.at1000.cpuPer1000, 'vCPU', row === nginxRow ? undefined : nginxRow?.at1000.cpuPer1000);
      figure('peak rss', row.rssMiB, 'MiB');
    }
    figure('errors', row.load.errors + row.load.non2xx, 'requests');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench proxy: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

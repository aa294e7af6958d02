/**
 * Benchmark of the agent's per-connection and per-probe costs (libs/agent).
 * Usage: npx tsx --tsconfig tsconfig.base.json tools/bench/agent.ts [calls] [probes]   (addon: npx nx run agent:build-native)
 *  - originalDestination(): ns per call on an accepted loopback socket (getsockname + getsockopt; no NAT entry here,
 *    so it takes the "not redirected" path), baseline socket.address() (Node caches it: the cost of a JS call) in the same run;
 *  - /app-health rewrite: p50/p90/p99 of GET /app-health/app/readyz through the status server, baseline a direct GET
 *    to the app, sequential requests on loopback.
 */
import { createServer as createHttpServer, request } from 'node:http';
import { AddressInfo, connect, createServer } from 'node:net';
import { createOriginalDstResolver, createStatusServer, parseAppProbers } from '@isthmus/agent';

const calls = Number(process.argv[2] ?? 200_000);
const probes = Number(process.argv[3] ?? 2_000);

async function originalDstCost(): Promise<void> {
  const resolver = createOriginalDstResolver();
  if (!resolver.available) {
    console.log(`originalDestination: skipped (${resolver.unavailableReason})`);
    return;
  }
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const accepted = new Promise<import('node:net').Socket>((resolve) => server.once('connection', resolve));
  const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
  const socket = await accepted;
  const time = (label: string, run: () => unknown) => {
    const start = process.hrtime.bigint();
    for (let index = 0; index < calls; index++) run();
    const ns = Number(process.hrtime.bigint() - start) / calls;
    console.log(`${label}: ${ns.toFixed(0)} ns/call (${calls} calls)`);
    return ns;
  };
  const baseline = time('baseline socket.address()', () => socket.address());
  const measured = time('originalDestination()', () => resolver.originalDestination(socket));
  console.log(`originalDestination / baseline: ${(measured / baseline).toFixed(2)}x`);
  client.destroy();
  socket.destroy();
  server.close();
}

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function latencies(port: number, path: string): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < probes; index++) {
    const start = process.hrtime.bigint();
    const status = await get(port, path);
    if (status !== 200) throw new Error(`${path}: status ${status}`);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(3);

async function probeCost(): Promise<void> {
  const app = createHttpServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  const appPort = (app.address() as AddressInfo).port;
  const { probers } = parseAppProbers({ '/app-health/app/readyz': { httpGet: { path: '/ready', port: appPort } } });
  const status = createStatusServer({ readiness: () => ({ ready: true }), appProbers: probers });
  const statusPort = await status.listen({ host: '127.0.0.1', port: 0 });
  const direct = await latencies(appPort, '/ready');
  const rewritten = await latencies(statusPort, '/app-health/app/readyz');
  console.log(`direct GET /ready: p50 ${pct(direct, 50)} ms, p90 ${pct(direct, 90)} ms, p99 ${pct(direct, 99)} ms (${probes} sequential)`);
  console.log(`GET /app-health/app/readyz: p50 ${pct(rewritten, 50)} ms, p90 ${pct(rewritten, 90)} ms, p99 ${pct(rewritten, 99)} ms`);
  console.log(`probe rewrite adds p90 ${(Number(pct(rewritten, 90)) - Number(pct(direct, 90))).toFixed(3)} ms`);
  await status.close();
  app.close();
}

originalDstCost()
  .then(probeCost)
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });

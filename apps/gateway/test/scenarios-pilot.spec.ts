import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildNode, ProxyEngine, XdsSubscriber } from '@isthmus/proxy';
import { freePort } from '@isthmus/runtime/testing';

/**
 * The walkthrough's routing scenarios S7–S13 end to end: Pilot (a real process, file mode, services as ServiceEntries
 * with loopback endpoints) → ADS over gRPC → the proxy in router mode → v1/v2 servers. Config changes are file writes,
 * as a user would `kubectl apply`.
 */
const ROOT = join(__dirname, '../../..');
const FIXTURES = join(__dirname, 'scenarios');

interface Reply {
  status: number;
  body: string;
  ms: number;
}

function call(port: number, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  const started = Date.now();
  return new Promise((resolve) => {
    const outgoing = request({ host: '127.0.0.1', port, path, headers: { host: 'trader.example.com', ...headers }, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, ms: Date.now() - started }));
    });
    outgoing.on('error', () => resolve({ status: 0, body: '', ms: Date.now() - started }));
    outgoing.end();
  });
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('routing scenarios S7–S13: Pilot (file mode) → proxy (router)', () => {
  const configDir = mkdtempSync(join(tmpdir(), 'scenarios-'));
  let pilot: ChildProcess;
  let pilotOutput = '';
  let engine: ProxyEngine;
  let xds: XdsSubscriber;
  const servers: Server[] = [];
  const ports = { v1: 0, v2: 0, gateway: 0, grpc: 0 };
  /** Behaviour switches of the v1 server. */
  const v1Mode = { failNext: 0, delayMs: 0, status: 200 };
  let v1Requests = 0;

  const install = (file: string, as = file) => {
    const text = readFileSync(join(FIXTURES, file), 'utf8')
      .replace('{{V1_PORT}}', String(ports.v1))
      .replace('{{V2_PORT}}', String(ports.v2))
      .replace('{{GATEWAY_PORT}}', String(ports.gateway));
    writeFileSync(join(configDir, as), text);
  };
  const remove = (file: string) => writeFileSync(join(configDir, file), '# removed\n');
  const version = async (headers: Record<string, string> = {}) => (await call(ports.gateway, '/trader/summary', headers)).body;

  beforeAll(async () => {
    for (const [name, handler] of [
      ['v1', (response: import('node:http').ServerResponse) => {
        v1Requests++;
        if (v1Mode.failNext > 0) {
          v1Mode.failNext--;
          response.writeHead(503);
          response.end('v1 failing');
          return;
        }
        setTimeout(() => {
          response.writeHead(v1Mode.status);
          response.end('v1');
        }, v1Mode.delayMs);
      }],
      ['v2', (response: import('node:http').ServerResponse) => response.end('v2')],
    ] as const) {
      const server = createServer((incoming, response) => {
        incoming.resume();
        incoming.on('end', () => handler(response));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      servers.push(server);
      ports[name] = (server.address() as AddressInfo).port;
    }
    ports.gateway = await freePort();
    ports.grpc = await freePort();
    install('00-services.yaml');
    // Every file the scenarios use exists from the start (changes are then in-place writes Pilot's watch sees).
    writeFileSync(join(configDir, '41-trader-dr.yaml'), '# not yet applied\n');
    writeFileSync(join(configDir, 'vs.yaml'), '# not yet applied\n');
    pilot = spawn(
      process.execPath,
      [
        join(ROOT, 'bin/pilot.js'), 'discovery', '--grpcAddr', `127.0.0.1:${ports.grpc}`, '--secureGrpcAddr', '', '--httpAddr', '127.0.0.1:0',
        '--monitoringAddr', '127.0.0.1:0', '--registries', 'Memory', '--configDir', configDir, '--meshConfig', '', '--debounceAfter', '50ms',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    pilot.stdout?.on('data', (chunk: Buffer) => (pilotOutput = (pilotOutput + chunk).slice(-5000)));
    pilot.stderr?.on('data', (chunk: Buffer) => (pilotOutput = (pilotOutput + chunk).slice(-5000)));
    // Pilot watches the directory once it is ready; changes made before that would only be seen at its first read.
    await until('pilot to start', async () => pilotOutput.includes('pilot discovery ready'), 20_000);
    engine = new ProxyEngine({ drainMs: 500 });
    const node = buildNode({
      type: 'router', ip: '127.0.0.1', id: 'istio-ingressgateway-1.istio-system', namespace: 'istio-system', domain: 'istio-system.svc.cluster.local',
      serviceCluster: 'istio-ingressgateway', labels: { istio: 'ingressgateway', app: 'istio-ingressgateway' },
    });
    xds = new XdsSubscriber(engine, { address: `127.0.0.1:${ports.grpc}`, node, backoff: { initialMs: 100, maxMs: 500 } });
    xds.start();
    await until('the proxy to receive clusters', async () => xds.status().some((status) => status.acks > 0), 20_000);
  }, 60_000);

  afterAll(async () => {
    xds.close();
    await engine.close();
    pilot.kill('SIGKILL');
    for (const server of servers) server.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  it('S7 dark launch: with subsets and a 100% v1 route, all gateway traffic reaches v1', async () => {
    install('41-trader-dr.yaml');
    install('42-trader-vs-100-v1.yaml', 'vs.yaml');
    try {
      await until('the gateway to route', async () => (await version()) === 'v1', 30_000);
    } catch (error) {
      throw new Error(`${String(error)}; xds ${JSON.stringify(xds.status())}; listeners ${engine.listeners.names()}; pilot: ${pilotOutput.slice(-1500)}`);
    }
    const answers = await Promise.all(Array.from({ length: 50 }, () => version()));
    expect(new Set(answers)).toEqual(new Set(['v1']));
  }, 40_000);

  it('S8 route by header: Firefox users reach v2, everyone else v1', async () => {
    install('43-trader-vs-test.yaml', 'vs.yaml');
    await until('header routing', async () => (await version({ 'user-agent': 'Mozilla/5.0 Firefox/70.0' })) === 'v2');
    expect(await version({ 'user-agent': 'Mozilla/5.0 Chrome/78.0' })).toBe('v1');
    expect(await version({ 'user-agent': 'Mozilla/5.0 (X11) Gecko Firefox/69.0' })).toBe('v2');
  });

  it('S9 canary: over 1000 requests v2 receives 20% ± 3%', async () => {
    install('44-trader-vs-80-20.yaml', 'vs.yaml');
    await until('the canary split', async () => (await Promise.all(Array.from({ length: 30 }, () => version()))).includes('v2'));
    let v2 = 0;
    for (let batch = 0; batch < 20; batch++) {
      const answers = await Promise.all(Array.from({ length: 50 }, () => version()));
      v2 += answers.filter((answer) => answer === 'v2').length;
    }
    expect(v2 / 1000).toBeGreaterThanOrEqual(0.17);
    expect(v2 / 1000).toBeLessThanOrEqual(0.23);
  }, 30_000);

  it('S10 retries: by default a 503 is retried; with attempts 0 one failure is one error', async () => {
    install('42b-trader-vs-default.yaml', 'vs.yaml');
    await until('the default route', async () => {
      const answers = await Promise.all(Array.from({ length: 20 }, () => version()));
      return answers.every((answer) => answer === 'v1');
    });
    v1Mode.failNext = 1;
    expect(await call(ports.gateway, '/trader/summary')).toMatchObject({ status: 200, body: 'v1' });
    install('45-trader-vs-retries.yaml', 'vs.yaml');
    await until('retries disabled', async () => {
      v1Mode.failNext = 1;
      const reply = await call(ports.gateway, '/trader/summary');
      v1Mode.failNext = 0;
      return reply.status === 503;
    });
  }, 30_000);

  it('S11 timeouts: a slow v1 gets 504 "upstream request timeout" after the route timeout, each try cut by perTryTimeout', async () => {
    install('46-trader-vs-retries-timeout.yaml', 'vs.yaml');
    v1Mode.delayMs = 0;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    v1Mode.delayMs = 5_000;
    const before = v1Requests;
    const reply = await call(ports.gateway, '/trader/summary');
    v1Mode.delayMs = 0;
    expect(reply.status).toBe(504);
    expect(reply.body).toBe('upstream request timeout');
    expect(reply.ms).toBeGreaterThanOrEqual(900);
    expect(reply.ms).toBeLessThan(3_000);
    // 300 ms per try within 1 s: the first try and up to 3 retries.
    expect(v1Requests - before).toBeGreaterThanOrEqual(2);
  }, 30_000);

  it('S12 circuit breaker: beyond 1 connection + 1 pending, requests get 503 at once, counted in stats', async () => {
    install('42b-trader-vs-default.yaml', 'vs.yaml');
    install('47-trader-dr-cb.yaml', '41-trader-dr.yaml');
    const cluster = 'outbound|9080|v1|trader-service.stock-trader.svc.cluster.local';
    await until('circuit breaker thresholds', async () => engine.clusters.get(cluster)?.config.breakers.maxConnections === 1);
    v1Mode.delayMs = 300;
    const replies = await Promise.all(Array.from({ length: 8 }, () => call(ports.gateway, '/trader/summary')));
    v1Mode.delayMs = 0;
    const shed = replies.filter((reply) => reply.status === 503);
    expect(shed.length).toBeGreaterThanOrEqual(4);
    expect(shed.every((reply) => reply.ms < 250)).toBe(true);
    expect(replies.filter((reply) => reply.status === 200).length).toBeGreaterThanOrEqual(2);
    expect(engine.stats.snapshot()[`cluster.${cluster}.upstream_rq_pending_overflow`].value).toBeGreaterThanOrEqual(shed.length);
  }, 30_000);

  it('S13 fault injection for one user: Jason is delayed, others are not', async () => {
    install('41-trader-dr.yaml');
    install('48-trader-vs-fault-match.yaml', 'vs.yaml');
    await until('the fault rule', async () => (await call(ports.gateway, '/trader/summary', { portfolio_user: 'Jason' })).ms >= 350);
    const jason = await call(ports.gateway, '/trader/summary', { portfolio_user: 'Jason' });
    const other = await call(ports.gateway, '/trader/summary', { portfolio_user: 'Ann' });
    expect(jason).toMatchObject({ status: 200, body: 'v1' });
    expect(jason.ms).toBeGreaterThanOrEqual(350);
    expect(other.status).toBe(200);
    expect(other.ms).toBeLessThan(300);
    remove('vs.yaml');
  }, 30_000);
});

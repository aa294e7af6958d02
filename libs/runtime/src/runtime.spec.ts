import { Writable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LogScopes, parseLogLevels } from './logging';
import { createMetricsRegistry } from './metrics';
import { createOpsServer, OpsReply, OpsServer, parseListenAddress, textReply } from './ops-server';
import { Readiness } from './readiness';
import { ShutdownCoordinator } from './shutdown';
import { buildInfo, ISTHMUS_VERSION } from './version';

function captureLogs(levels = 'default:info') {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()));
      callback();
    },
  });
  const parsed = parseLogLevels(levels);
  if (!parsed.ok) throw new Error(parsed.error);
  return { logs: new LogScopes('pilot', parsed.levels, stream), lines };
}

describe('logging', () => {
  it('honours per-scope levels and tags component and scope', () => {
    const { logs, lines } = captureLogs('default:warn,ads:debug');
    logs.scope('ads').debug('visible');
    logs.scope('mcp').info('hidden');
    logs.root.warn('root');
    expect(lines.map((line) => line.msg)).toEqual(['visible', 'root']);
    expect(lines[0]).toMatchObject({ component: 'pilot', scope: 'ads' });
  });

  it('rejects unknown levels', () => {
    expect(parseLogLevels('ads:loud')).toEqual({ ok: false, error: expect.stringContaining('unknown log level "loud"') });
  });
});

describe('ops server', () => {
  function build() {
    const { logs } = captureLogs('default:error');
    const readiness = new Readiness();
    const server = createOpsServer({ logger: logs.root, registry: createMetricsRegistry(), readiness, info: buildInfo('pilot') });
    return { server, readiness };
  }

  it('serves healthz, version and process metrics', async () => {
    const { server } = build();
    expect((await server.inject({ url: '/healthz' })).statusCode).toBe(200);
    expect((await server.inject({ url: '/version' })).json()).toMatchObject({ component: 'pilot', version: ISTHMUS_VERSION });
    const metrics = await server.inject({ url: '/metrics' });
    expect(metrics.body).toContain('process_resident_memory_bytes');
  });

  it('reads process metrics on scrape without GC or event-loop observers when asked to', async () => {
    const text = await createMetricsRegistry('on-scrape').metrics();
    expect(Number(/^process_resident_memory_bytes (\d+)/m.exec(text)?.[1])).toBeGreaterThan(0);
    expect(Number(/^process_cpu_seconds_total ([\d.e-]+)/m.exec(text)?.[1])).toBeGreaterThan(0);
    expect(text).toContain('nodejs_heap_size_used_bytes');
    expect(text).not.toContain('nodejs_gc_duration_seconds');
    expect(text).not.toContain('nodejs_eventloop_lag');
    expect(await createMetricsRegistry().metrics()).toContain('nodejs_eventloop_lag_seconds');
  });

  it('is ready only when every check passes and not while draining', async () => {
    const { server, readiness } = build();
    const sync = readiness.gate('config-sync', 'waiting for initial config');
    expect((await server.inject({ url: '/ready' })).statusCode).toBe(503);
    expect((await server.inject({ url: '/ready' })).json<{ checks: unknown[] }>().checks[0]).toEqual({ name: 'config-sync', ready: false, reason: 'waiting for initial config' });
    sync.markReady();
    expect((await server.inject({ url: '/ready' })).statusCode).toBe(200);
    readiness.drain('SIGTERM');
    expect((await server.inject({ url: '/ready' })).statusCode).toBe(503);
  });

  it('routes exact paths and /prefix/* per method, answers HEAD like GET, 404 otherwise, 500 naming a failure', async () => {
    const server = new OpsServer();
    server.get('/app-health/*', (request) => textReply(200, request.path));
    server.post('/quit', () => new OpsReply(202, { accepted: true }));
    server.get('/broken', () => {
      throw new Error('boom');
    });
    expect((await server.inject({ url: '/app-health/web/livez?x=1' })).body).toBe('/app-health/web/livez');
    expect((await server.inject({ method: 'HEAD', url: '/app-health/web/livez' })).statusCode).toBe(200);
    expect((await server.inject({ url: '/app-health' })).statusCode).toBe(404);
    expect((await server.inject({ url: '/quit' })).statusCode).toBe(404);
    const posted = await server.inject({ method: 'POST', url: '/quit' });
    expect([posted.statusCode, posted.headers['content-type'], posted.json()]).toEqual([202, 'application/json; charset=utf-8', { accepted: true }]);
    expect(await server.inject({ url: '/broken' })).toMatchObject({ statusCode: 500, body: 'boom\n' });
  });

  it('serves over a socket and runs afterSend once the answer is written', async () => {
    const server = new OpsServer();
    let sent = 0;
    server.get('/once', () => textReply(200, 'bye\n', () => (sent += 1)));
    const port = await server.listen({ host: '127.0.0.1', port: 0 });
    try {
      const response = await fetch(`http://127.0.0.1:${port}/once`);
      expect([response.status, await response.text()]).toEqual([200, 'bye\n']);
      expect(sent).toBe(1);
    } finally {
      await server.close();
    }
  });

  it.each([
    [':15014', { host: '0.0.0.0', port: 15014 }],
    ['127.0.0.1:0', { host: '127.0.0.1', port: 0 }],
    ['[::1]:80', { host: '::1', port: 80 }],
    ['9901', { host: '0.0.0.0', port: 9901 }],
  ])('parses listen address %s', (text, expected) => {
    expect(parseListenAddress(text)).toEqual(expected);
  });
});

describe('ShutdownCoordinator', () => {
  it('drains, runs hooks in reverse order and exits 0', async () => {
    const { logs } = captureLogs('default:error');
    const readiness = new Readiness();
    const order: string[] = [];
    const exits: number[] = [];
    const coordinator = new ShutdownCoordinator({ logger: logs.root, readiness, drainMs: 1, deadlineMs: 1000, exit: (code) => exits.push(code) });
    coordinator.onShutdown('first', () => void order.push('first'));
    coordinator.onShutdown('second', async () => void order.push('second'));
    await coordinator.shutdown('SIGTERM');
    expect(order).toEqual(['second', 'first']);
    expect(readiness.report().ready).toBe(false);
    expect(exits).toEqual([0]);
  });

  it('exits 1 when a hook fails, after running the rest', async () => {
    const { logs } = captureLogs('default:fatal');
    const exits: number[] = [];
    const ran: string[] = [];
    const coordinator = new ShutdownCoordinator({ logger: logs.root, readiness: new Readiness(), drainMs: 0, deadlineMs: 1000, exit: (code) => exits.push(code) });
    coordinator.onShutdown('ok', () => void ran.push('ok'));
    coordinator.onShutdown('broken', () => {
      throw new Error('boom');
    });
    await coordinator.shutdown('SIGINT');
    expect(ran).toEqual(['ok']);
    expect(exits).toEqual([1]);
  });
});

it('the runtime version matches the root package.json', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string };
  expect(ISTHMUS_VERSION).toBe(pkg.version);
});

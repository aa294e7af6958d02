import { createServer as createHttpServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo, createServer as createTcpServer, Server as TcpServer } from 'node:net';
import type { OpsServer } from '@isthmus/runtime';
import { freePort } from '@isthmus/runtime/testing';
import { parseAppProbers } from '../src/status/app-probers';
import { createStatusServer, ProxyReadiness } from '../src/status/status-server';

/** A real app on loopback: answers each path with a chosen status and remembers the request headers. */
function startApp(): Promise<{ server: Server; port: number; seen: { path: string; headers: IncomingHttpHeaders }[] }> {
  const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
  const server = createHttpServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    if (req.url === '/ready') res.writeHead(200).end('ok');
    else if (req.url === '/not-ready') res.writeHead(500).end('no');
    else if (req.url === '/slow') setTimeout(() => res.writeHead(200).end('late'), 1500).unref();
    else res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port, seen })));
}

describe('status server (port 15020 routes) over real sockets', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let tcpApp: TcpServer;
  let tcpPort: number;
  let status: OpsServer;
  let base: string;
  let readiness: ProxyReadiness = { ready: false, reason: 'no LDS received yet' };
  let shutdowns = 0;

  beforeAll(async () => {
    app = await startApp();
    tcpApp = createTcpServer((socket) => socket.end());
    await new Promise<void>((resolve) => tcpApp.listen(0, '127.0.0.1', resolve));
    tcpPort = (tcpApp.address() as AddressInfo).port;
    const deadPort = await freePort(); // free a moment ago, so nothing answers there
    const { probers, errors } = parseAppProbers({
      '/app-health/web/readyz': { httpGet: { path: '/ready', port: app.port, httpHeaders: [{ name: 'X-Custom', value: 'probe' }, { name: 'Host', value: 'web.local' }] } },
      '/app-health/web/livez': { httpGet: { path: '/not-ready', port: String(app.port) } },
      '/app-health/web/startupz': { httpGet: { path: '/slow', port: app.port }, timeoutSeconds: 0.3 },
      '/app-health/dead/readyz': { httpGet: { path: '/ready', port: deadPort } },
      '/app-health/db/readyz': { tcpSocket: { port: tcpPort } },
      '/app-health/db/livez': { tcpSocket: { port: deadPort } },
    });
    expect(errors).toEqual([]);
    status = createStatusServer({
      readiness: () => readiness,
      appProbers: probers,
      shutdown: () => {
        shutdowns += 1;
      },
    });
    base = `http://127.0.0.1:${await status.listen({ host: '127.0.0.1', port: 0 })}`;
  });

  afterAll(async () => {
    await status.close();
    await new Promise((resolve) => app.server.close(resolve));
    await new Promise((resolve) => tcpApp.close(resolve));
  });

  it('/healthz/ready follows the supplied readiness function and explains a 503', async () => {
    readiness = { ready: false, reason: 'no LDS received yet' };
    const notReady = await fetch(`${base}/healthz/ready`);
    expect(notReady.status).toBe(503);
    expect(await notReady.text()).toContain('no LDS received yet');
    readiness = { ready: true };
    const ready = await fetch(`${base}/healthz/ready`);
    expect(ready.status).toBe(200);
  });

  it('/healthz/ready is 503 when the readiness function throws', async () => {
    const throwing = createStatusServer({
      readiness: () => {
        throw new Error('admin port closed');
      },
    });
    const port = await throwing.listen({ host: '127.0.0.1', port: 0 });
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz/ready`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('admin port closed');
    } finally {
      await throwing.close();
    }
  });

  it('forwards an HTTP probe with its path and headers and returns the app status', async () => {
    const response = await fetch(`${base}/app-health/web/readyz`, { headers: { 'user-agent': 'kube-probe/1.15' } });
    expect(response.status).toBe(200);
    const request = app.seen.find((entry) => entry.path === '/ready');
    expect(request?.headers['x-custom']).toBe('probe');
    expect(request?.headers['host']).toBe('web.local');
    expect(request?.headers['user-agent']).toBe('kube-probe/1.15');
    expect((await fetch(`${base}/app-health/web/livez`)).status).toBe(500);
  });

  it('answers 503 with the reason when the app is down or too slow', async () => {
    const dead = await fetch(`${base}/app-health/dead/readyz`);
    expect(dead.status).toBe(503);
    expect(await dead.text()).toMatch(/ECONNREFUSED/);
    const slow = await fetch(`${base}/app-health/web/startupz`);
    expect(slow.status).toBe(503);
    expect(await slow.text()).toContain('within 300 ms');
  });

  it('runs TCP probes', async () => {
    expect((await fetch(`${base}/app-health/db/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/app-health/db/livez`)).status).toBe(503);
  });

  it('404s a probe that was not configured', async () => {
    expect((await fetch(`${base}/app-health/other/readyz`)).status).toBe(404);
  });

  it('/quitquitquit answers, then calls the shutdown hook; GET is not accepted', async () => {
    expect((await fetch(`${base}/quitquitquit`)).status).toBe(404);
    const before = shutdowns;
    const response = await fetch(`${base}/quitquitquit`, { method: 'POST' });
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shutdowns).toBe(before + 1);
  });
});

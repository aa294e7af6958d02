import { Agent, request } from 'node:http';
import { ProxyEngine, startAdminServer, type AdminServer } from '../src';
import { get, startBackend, type Backend } from './backends';
import { httpListener, staticCluster, vhost } from './fixtures';

const slowHandler = (delayMs: number) => (_request: unknown, response: { writeHead(status: number): void; end(body: string): void }) => {
  setTimeout(() => {
    response.writeHead(200);
    response.end('slow ok');
  }, delayMs);
  return true;
};

describe('resilience: circuit breakers, outlier detection, hitless updates, admin', () => {
  let engine: ProxyEngine;
  let slow: Backend;
  let good: Backend;
  let bad: Backend;
  let port: number;
  let admin: AdminServer;

  const routeConfig = (marker: string) => ({
    name: 'inline',
    virtual_hosts: [
      vhost(['*'], [
        { match: { prefix: '/slow' }, route: { cluster: 'slow', timeout: { seconds: 5 } } },
        { match: { prefix: '/pair' }, route: { cluster: 'pair' } },
        { match: { prefix: '/' }, direct_response: { status: 200, body: { inline_string: marker } } },
      ]),
    ],
  });

  beforeAll(async () => {
    slow = await startBackend('slow', slowHandler(150));
    good = await startBackend('good');
    bad = await startBackend('bad', (_request, response) => {
      response.writeHead(500);
      response.end('broken');
      return true;
    });
    engine = new ProxyEngine({ drainMs: 2_000 });
    await engine.applyStatic({
      clusters: [
        staticCluster('slow', [slow.port], {
          circuit_breakers: { thresholds: [{ max_connections: { value: 2 }, max_pending_requests: { value: 2 }, max_requests: { value: 4 } }] },
        }),
        staticCluster('pair', [good.port, bad.port], {
          outlier_detection: { consecutive_5xx: { value: 3 }, interval: { seconds: 1 }, base_ejection_time: { seconds: 30 }, max_ejection_percent: { value: 50 } },
        }),
      ],
      listeners: [httpListener('inline', 0, { routeConfig: routeConfig('v1') })],
    });
    port = engine.listeners.get('inline')?.port ?? 0;
    admin = await startAdminServer({
      engine,
      port: 0,
      stats: async () => engine.stats.snapshot(),
      node: { id: 'router~127.0.0.1~gw.ns~ns.svc.cluster.local', cluster: 'gw' },
      startedAt: Date.now(),
      commandLine: {},
      ready: () => engine.ready,
      setLogLevel: () => ({ default: 'info' }),
      quit: () => undefined,
    });
  });

  afterAll(async () => {
    await admin.close();
    await engine.close();
    await Promise.all([slow, good, bad].map((backend) => backend.close()));
  });

  it('sheds overload (3× what the breakers allow) with 503 UO, stays up and recovers', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => get(port, '/slow')));
    const ok = results.filter((result) => result.status === 200).length;
    const shed = results.filter((result) => result.status === 503);
    expect(ok).toBeGreaterThanOrEqual(4);
    expect(shed.length).toBeGreaterThanOrEqual(4);
    expect(shed[0].text).toContain('reset reason: overflow');
    const stats = engine.stats.snapshot();
    expect(stats['cluster.slow.upstream_rq_pending_overflow'].value).toBe(shed.length);
    expect(stats['cluster.slow.upstream_cx_active'].value).toBeLessThanOrEqual(2);
    // Recovered: within limits everything succeeds again.
    const after = await Promise.all(Array.from({ length: 3 }, () => get(port, '/slow')));
    expect(after.map((result) => result.status)).toEqual([200, 200, 200]);
  });

  it('ejects a host after consecutive 5xx and sends traffic to the healthy one', async () => {
    for (let index = 0; index < 12; index++) await get(port, '/pair');
    const stats = engine.stats.snapshot();
    expect(stats['cluster.pair.outlier_detection.ejections_active'].value).toBe(1);
    const statuses = await Promise.all(Array.from({ length: 10 }, () => get(port, '/pair')));
    expect(statuses.every((result) => result.status === 200)).toBe(true);
    const clusters = await get(admin.port, '/clusters');
    expect(clusters.text).toContain(`pair::127.0.0.1:${bad.port}::health_flags::/failed_outlier_check`);
  });

  it('updates a listener without dropping an in-flight request on an established connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const inFlight = new Promise<{ status: number; body: string; connection: string | undefined }>((resolve, reject) => {
      const outgoing = request({ host: '127.0.0.1', port, path: '/slow', agent }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body, connection: response.headers.connection }));
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await engine.applyStatic({ listeners: [httpListener('inline', port, { routeConfig: routeConfig('v2') })] });
    const finished = await inFlight;
    expect(finished).toMatchObject({ status: 200, body: 'slow ok', connection: 'close' });
    expect((await get(port, '/')).text).toBe('v2');
    agent.destroy();
  });

  it('leaves an unchanged listener alone when LDS is pushed again: no drain of its connections', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const inFlight = new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const outgoing = request({ host: '127.0.0.1', port, path: '/slow', agent }, (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }));
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await engine.applyStatic({ listeners: [httpListener('inline', port, { routeConfig: routeConfig('v2') })] });
    // A draining listener would have answered `connection: close` (see the test above); HTTP/1.1 keeps alive by default.
    const finished = await inFlight;
    expect(finished.status).toBe(200);
    expect(finished.connection).not.toBe('close');
    agent.destroy();
  });

  it('serves the admin API: config_dump in Envoy shape, stats, prometheus, ready, server_info, memory', async () => {
    const dump = JSON.parse((await get(admin.port, '/config_dump')).text);
    expect(dump.configs.map((config: { '@type': string }) => config['@type'])).toEqual([
      'type.googleapis.com/envoy.admin.v3.BootstrapConfigDump',
      'type.googleapis.com/envoy.admin.v3.ClustersConfigDump',
      'type.googleapis.com/envoy.admin.v3.ListenersConfigDump',
      'type.googleapis.com/envoy.admin.v3.RoutesConfigDump',
      'type.googleapis.com/envoy.admin.v3.EndpointsConfigDump',
    ]);
    const slowCluster = dump.configs[1].dynamic_active_clusters.find((entry: { cluster: { name: string } }) => entry.cluster.name === 'slow').cluster;
    expect(slowCluster).toMatchObject({ '@type': 'type.googleapis.com/envoy.config.cluster.v3.Cluster', name: 'slow', connectTimeout: '1s' });
    expect(slowCluster.type).toBeUndefined(); // STATIC is the enum default: omitted, as Envoy does
    expect(slowCluster.circuitBreakers.thresholds[0].maxConnections).toBe(2);
    const listener = dump.configs[2].dynamic_listeners[0].active_state.listener;
    expect(listener.filterChains[0].filters[0].typedConfig['@type']).toBe('type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager');
    const stats = (await get(admin.port, '/stats')).text;
    expect(stats).toContain('cluster.slow.upstream_rq_pending_overflow: ');
    expect(stats).toContain('http.inline.downstream_rq_total: ');
    const prometheus = (await get(admin.port, '/stats/prometheus')).text;
    expect(prometheus).toContain('# TYPE envoy_cluster_upstream_rq_total counter');
    expect(prometheus).toMatch(/envoy_cluster_upstream_cx_overflow\{envoy_cluster_name="slow"\} [1-9]/);
    expect((await get(admin.port, '/ready')).text).toBe('LIVE\n');
    expect(JSON.parse((await get(admin.port, '/server_info')).text).node.id).toContain('router~');
    const memory = JSON.parse((await get(admin.port, '/memory')).text);
    expect(Number(memory.allocated)).toBeGreaterThan(0);
    expect(Number(memory.total_physical_bytes)).toBeGreaterThan(Number(memory.allocated));
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { freePort } from '@isthmus/runtime/testing';
import { Snapshot } from '@isthmus/xds';
import { edsCluster, endpoints, httpListener, simpleRoute, startTestAdsServer, type TestAdsServer } from '@isthmus/xds/testing';

const ROOT = join(__dirname, '../../..');

function get(port: number, path: string, host = 'web'): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const outgoing = request({ host: '127.0.0.1', port, path, headers: { host }, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', () => resolve({ status: 0, body: '' }));
    outgoing.end();
  });
}

/** The built command end to end: `gateway proxy router --concurrency 2` fed by a real ADS server over gRPC. */
describe('gateway proxy router (process, 2 workers)', () => {
  let ads: TestAdsServer;
  let backend: Server;
  let child: ChildProcess;
  let output = '';
  const ports = { listener: 0, status: 0, admin: 0, prometheus: 0 };

  beforeAll(async () => {
    backend = createServer((_request, response) => response.end(`pid-independent hello`));
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', () => resolve()));
    for (const key of Object.keys(ports) as (keyof typeof ports)[]) ports[key] = await freePort();
    const cluster = 'outbound|80||web.default.svc.cluster.local';
    ads = await startTestAdsServer({
      callbacks: {
        onStreamOpen: (connection) => {
          ads.cache.setSnapshot(
            connection.key,
            Snapshot.fromObjects({
              clusters: [edsCluster(cluster)],
              endpoints: [endpoints(cluster, [`127.0.0.1:${(backend.address() as AddressInfo).port}`])],
              listeners: [{ ...httpListener('http.8080', ports.listener, 'http.8080'), address: { socket_address: { address: '127.0.0.1', port_value: ports.listener } } }],
              routes: [simpleRoute('http.8080', ['*'], cluster)],
            }),
          );
        },
      },
    });
    child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin/gateway.js'), 'proxy', 'router', '--concurrency', '2', '--discoveryAddress', ads.address, '--statusPort', String(ports.status),
        '--proxyAdminPort', String(ports.admin), '--prometheusPort', String(ports.prometheus), '--podName', 'gw-1', '--podNamespace', 'istio-system',
        '--shutdownDrainDuration', '0s',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
    const deadline = Date.now() + 40_000;
    while ((await get(ports.status, '/healthz/ready')).status !== 200) {
      if (Date.now() > deadline) throw new Error(`gateway never became ready:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 60_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await ads.stop();
    backend.close();
  });

  it('serves traffic through its workers and adds up their stats', async () => {
    for (let index = 0; index < 20; index++) expect((await get(ports.listener, '/')).body).toBe('pid-independent hello');
    const stats = await get(ports.admin, '/stats?filter=downstream_rq_total');
    expect(stats.body).toContain('http.http.8080.downstream_rq_total: 20');
    const prometheus = await get(ports.prometheus, '/stats/prometheus');
    expect(prometheus.body).toContain('envoy_cluster_upstream_rq_total{envoy_cluster_name="outbound|80||web.default.svc.cluster.local"} 20');
    const info = JSON.parse((await get(ports.admin, '/server_info')).body);
    expect(info.node.id).toBe('router~127.0.0.1~gw-1.istio-system~istio-system.svc.cluster.local');
    const dump = JSON.parse((await get(ports.admin, '/config_dump')).body);
    expect(dump.configs[2].dynamic_listeners[0].name).toBe('http.8080');
  }, 30_000);

  it('drains and exits 0 on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});

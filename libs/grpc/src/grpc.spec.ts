import { credentials as grpcCredentials, Metadata, status } from '@grpc/grpc-js';
import { istioGrpc, type HealthCheckResponse__Output } from '@isthmus/protos';
import { createMetricsRegistry, LogScopes } from '@isthmus/runtime';
import { createCa, issue } from '@isthmus/testenv';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { grpcBindTarget } from './address';
import { channelCredentials, serverCredentials } from './credentials';
import { GrpcServer } from './server';

const logger = new LogScopes('test', new Map([['default', 'fatal']])).root;
type HealthClient = InstanceType<ReturnType<typeof istioGrpc>['grpc']['health']['v1']['Health']>;

function healthCheck(client: HealthClient, service = ''): Promise<HealthCheckResponse__Output> {
  return new Promise((resolve, reject) => {
    client.Check({ service }, new Metadata(), { deadline: Date.now() + 5000 }, (error, response) => (error || !response ? reject(error) : resolve(response)));
  });
}

function healthClient(port: number, creds = grpcCredentials.createInsecure()): HealthClient {
  const Health = istioGrpc().grpc.health.v1.Health;
  return new Health(`127.0.0.1:${port}`, creds, { 'grpc.ssl_target_name_override': 'localhost' });
}

describe('grpcBindTarget', () => {
  it.each([
    [':15010', '0.0.0.0:15010'],
    ['tcp://0.0.0.0:9901', '0.0.0.0:9901'],
    ['127.0.0.1:0', '127.0.0.1:0'],
    ['[::1]:15010', '[::1]:15010'],
  ])('%s → %s', (address, target) => expect(grpcBindTarget(address)).toBe(target));

  it('rejects an address without a port', () => expect(() => grpcBindTarget('localhost')).toThrow('expected host:port'));
});

describe('GrpcServer', () => {
  const servers: GrpcServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.shutdown(100)));
  });

  function newServer() {
    const registry = createMetricsRegistry();
    const server = new GrpcServer({ logger, registry });
    servers.push(server);
    return { server, registry };
  }

  it('serves grpc.health.v1 per service and counts calls in metrics', async () => {
    const { server, registry } = newServer();
    server.health.setStatus('istio.mcp.v1alpha1.ResourceSource', 'SERVING');
    const port = await server.listen('127.0.0.1:0', serverCredentials());
    const client = healthClient(port);
    expect((await healthCheck(client)).status).toBe('SERVING');
    expect((await healthCheck(client, 'istio.mcp.v1alpha1.ResourceSource')).status).toBe('SERVING');
    server.health.setStatus('istio.mcp.v1alpha1.ResourceSource', 'NOT_SERVING');
    expect((await healthCheck(client, 'istio.mcp.v1alpha1.ResourceSource')).status).toBe('NOT_SERVING');
    await expect(healthCheck(client, 'nope')).rejects.toMatchObject({ code: status.NOT_FOUND });
    client.close();
    const metrics = await registry.metrics();
    expect(metrics).toContain('grpc_server_handled_total{grpc_service="grpc.health.v1.Health",grpc_method="Check",grpc_code="OK"} 3');
    expect(metrics).toContain('grpc_code="NOT_FOUND"} 1');
  });

  it('reports a busy port with the address', async () => {
    const { server } = newServer();
    const port = await server.listen('127.0.0.1:0', serverCredentials());
    const { server: second } = newServer();
    await expect(second.listen(`127.0.0.1:${port}`, serverCredentials())).rejects.toThrow(`cannot listen on 127.0.0.1:${port}`);
  });

  describe('TLS from files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'isthmus-grpc-'));
    const ca = createCa('grpc-test-ca', 1);
    const serverCert = (serial: string) =>
      issue(ca, { commonName: 'grpc-test-server', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], usage: 'server', validDays: 1, serial });
    const files = { certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem'), caFile: join(dir, 'ca.pem') };
    const client = { certFile: join(dir, 'client.pem'), keyFile: join(dir, 'client-key.pem'), caFile: join(dir, 'ca.pem') };
    beforeAll(() => {
      const serverPem = serverCert('10');
      const clientPem = issue(ca, { commonName: 'grpc-test-client', usage: 'client', validDays: 1, serial: '11' });
      writeFileSync(files.certFile, serverPem.certPem);
      writeFileSync(files.keyFile, serverPem.keyPem);
      writeFileSync(files.caFile, ca.certPem);
      writeFileSync(client.certFile, clientPem.certPem);
      writeFileSync(client.keyFile, clientPem.keyPem);
    });

    it('serves TLS, and with mTLS rejects clients without a certificate', async () => {
      const { server } = newServer();
      const port = await server.listen('127.0.0.1:0', serverCredentials({ tls: { ...files, requireClientCert: true } }));
      const withCert = healthClient(port, channelCredentials({ tls: client }));
      expect((await healthCheck(withCert)).status).toBe('SERVING');
      withCert.close();
      const withoutCert = healthClient(port, channelCredentials({ tls: { caFile: files.caFile } }));
      await expect(healthCheck(withoutCert)).rejects.toMatchObject({ code: status.UNAVAILABLE });
      withoutCert.close();
    });

    it('picks up a rotated certificate without restarting', async () => {
      const { server } = newServer();
      const port = await server.listen('127.0.0.1:0', serverCredentials({ tls: files, refreshIntervalMs: 100 }));
      const tlsClient = healthClient(port, channelCredentials({ tls: { caFile: files.caFile } }));
      expect((await healthCheck(tlsClient)).status).toBe('SERVING');
      tlsClient.close();
      const servedSerial = () =>
        new Promise<string>((resolve, reject) => {
          const socket = connect({ host: '127.0.0.1', port, ca: ca.certPem, servername: 'localhost', ALPNProtocols: ['h2'] }, () => {
            resolve(new X509Certificate(socket.getPeerX509Certificate()?.raw ?? Buffer.alloc(0)).serialNumber);
            socket.end();
          });
          socket.on('error', reject);
        });
      expect(await servedSerial()).toBe('10');
      const rotated = serverCert('20');
      writeFileSync(files.certFile, rotated.certPem);
      writeFileSync(files.keyFile, rotated.keyPem);
      let serial = await servedSerial();
      for (let attempt = 0; attempt < 50 && serial !== '20'; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        serial = await servedSerial();
      }
      expect(serial).toBe('20');
    });
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channelCredentials } from '@isthmus/grpc';
import { McpSinkClient } from '@isthmus/mcp';
import { Registry } from 'prom-client';
import { GalleyServer } from '../src';
import { quietLogs, within } from './support/galley';
import { createTestPki } from './support/pki';

const SE = { collection: 'istio/networking/v1alpha3/serviceentries', decode: (body: unknown) => body };

describe('MCP over mTLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'galley-mtls-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  let galley: GalleyServer;
  let port = 0;
  const pki = createTestPki();
  const ca = file('root-cert.pem', pki.caPem);

  beforeAll(async () => {
    const server = pki.issue('istio-galley', 'server');
    const config = join(dir, 'config');
    mkdirSync(config);
    writeFileSync(join(config, 'se.yaml'), 'apiVersion: networking.istio.io/v1alpha3\nkind: ServiceEntry\nmetadata: {name: iex, namespace: default}\nspec: {hosts: [cloud.iexapis.com], ports: [{number: 443, name: https, protocol: HTTPS}], resolution: DNS}\n');
    galley = new GalleyServer({
      logs: quietLogs(),
      registry: new Registry(),
      configPath: config,
      mcp: { address: '127.0.0.1:0', tls: { certFile: file('cert-chain.pem', server.certPem), keyFile: file('key.pem', server.keyPem), caFile: ca, requireClientCert: true } },
    });
    port = (await galley.start()).mcp ?? 0;
  });
  afterAll(async () => {
    await galley.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function sink(credentials: ReturnType<typeof channelCredentials>): McpSinkClient {
    return new McpSinkClient({ address: `127.0.0.1:${port}`, sinkId: 'pilot', collections: [SE], apply: () => undefined, logger: quietLogs().root, credentials, backoff: { initialMs: 50, maxMs: 200 } });
  }

  it('serves a sink with a client certificate from the CA', async () => {
    const client = pki.issue('istio-pilot', 'client');
    const trusted = sink(channelCredentials({ tls: { caFile: ca, certFile: file('pilot-cert.pem', client.certPem), keyFile: file('pilot-key.pem', client.keyPem) } }));
    trusted.start();
    try {
      await trusted.synced();
      expect([...trusted.resources(SE).keys()]).toEqual(['default/iex']);
    } finally {
      trusted.stop();
    }
  });

  it('refuses a sink without a client certificate', async () => {
    const anonymous = sink(channelCredentials({ tls: { caFile: ca } }));
    anonymous.start();
    try {
      await within(5000, 'the refusal', () => anonymous.lastError());
      expect(anonymous.versions().size).toBe(0);
    } finally {
      anonymous.stop();
    }
  });
});

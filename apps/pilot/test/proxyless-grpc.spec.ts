/**
 * Acceptance: a real @grpc/grpc-js-xds client (proxyless, bootstrap pointing at Pilot on loopback) calls two versions
 * of a test gRPC service defined by ServiceEntry + DestinationRule subsets: 80/20 split within ±5% over 1000 calls,
 * header routing, an injected abort, and a VirtualService naming a missing subset that breaks only its own route.
 */
import * as grpc from '@grpc/grpc-js';
import { register } from '@grpc/grpc-js-xds';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningPilot, startPilot } from '../src/server';
import { pilotConfig } from './helpers';

jest.setTimeout(60_000);
register();

const HOST = 'echo.test.svc.cluster.local';
const PORT = 50051;
const identity = (value: Buffer) => value;
const ECHO: grpc.ServiceDefinition = {
  Echo: { path: '/test.Echo/Echo', requestStream: false, responseStream: false, requestSerialize: identity, requestDeserialize: identity, responseSerialize: identity, responseDeserialize: identity },
};
const EchoClient = grpc.makeGenericClientConstructor(ECHO, 'Echo') as unknown as new (target: string, credentials: grpc.ChannelCredentials, options?: grpc.ChannelOptions) => grpc.Client & {
  Echo(request: Buffer, metadata: grpc.Metadata, callback: (error: grpc.ServiceError | null, response?: Buffer) => void): void;
};

async function backend(version: string): Promise<{ port: number; server: grpc.Server }> {
  const server = new grpc.Server();
  server.addService(ECHO, { Echo: (_call: unknown, callback: grpc.sendUnaryData<Buffer>) => callback(null, Buffer.from(version)) });
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
  return { port, server };
}

function config(v1Port: number, v2Port: number): string {
  return `
apiVersion: networking.istio.io/v1alpha3
kind: ServiceEntry
metadata: {name: echo, namespace: test}
spec:
  hosts: [${HOST}]
  location: MESH_INTERNAL
  resolution: STATIC
  ports: [{number: ${PORT}, name: grpc, protocol: GRPC}]
  endpoints:
  - {address: 127.0.0.1, ports: {grpc: ${v1Port}}, labels: {version: v1}}
  - {address: 127.0.0.1, ports: {grpc: ${v2Port}}, labels: {version: v2}}
---
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata: {name: echo, namespace: test}
spec:
  host: echo
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
---
apiVersion: networking.istio.io/v1alpha3
kind: VirtualService
metadata: {name: echo, namespace: test}
spec:
  hosts: [echo]
  http:
  - match: [{headers: {x-version: {exact: v2}}}]
    route: [{destination: {host: echo, subset: v2}}]
  - match: [{headers: {x-test: {exact: abort}}}]
    fault: {abort: {httpStatus: 503, percentage: {value: 100}}}
    route: [{destination: {host: echo, subset: v1}}]
  - match: [{headers: {x-test: {exact: missing-subset}}}]
    route: [{destination: {host: echo, subset: v9}}]
  - route:
    - {destination: {host: echo, subset: v1}, weight: 80}
    - {destination: {host: echo, subset: v2}, weight: 20}
`;
}

function bootstrap(pilotPort: number): string {
  return JSON.stringify({
    xds_servers: [{ server_uri: `127.0.0.1:${pilotPort}`, channel_creds: [{ type: 'insecure' }], server_features: ['xds_v3'] }],
    node: { id: 'sidecar~127.0.0.1~client-0.test~test.svc.cluster.local', locality: {}, metadata: { GENERATOR: 'grpc', LABELS: { app: 'client' } } },
  });
}

function call(client: InstanceType<typeof EchoClient>, headers: Record<string, string> = {}): Promise<{ version?: string; code?: grpc.status }> {
  const metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(headers)) metadata.set(key, value);
  return new Promise((resolve) =>
    client.Echo(Buffer.from('hi'), metadata, (error, response) => resolve(error ? { code: error.code } : { version: response?.toString() })),
  );
}

describe('proxyless gRPC client (@grpc/grpc-js-xds) against Pilot', () => {
  let pilot: RunningPilot;
  let backends: { port: number; server: grpc.Server }[];
  let client: InstanceType<typeof EchoClient>;

  beforeAll(async () => {
    backends = [await backend('v1'), await backend('v2')];
    const dir = mkdtempSync(join(tmpdir(), 'pilot-grpc-'));
    writeFileSync(join(dir, 'echo.yaml'), config(backends[0].port, backends[1].port));
    pilot = await startPilot(pilotConfig({ configDir: dir, defaultNamespace: 'test' }));
    client = new EchoClient(`xds:///${HOST}:${PORT}`, grpc.credentials.createInsecure(), {
      'grpc.TEST_ONLY_DO_NOT_USE_IN_PROD.xds_bootstrap_config': bootstrap(pilot.grpcPort),
    } as grpc.ChannelOptions);
  });

  afterAll(async () => {
    client?.close();
    await pilot?.close();
    for (const { server } of backends ?? []) server.forceShutdown();
  });

  it('splits 80/20 between subsets over 1000 calls (±5%)', async () => {
    const started = Date.now();
    const first = await call(client);
    console.log(`first call after ${Date.now() - started} ms`);
    expect(first.code).toBeUndefined();
    const counts: Record<string, number> = {};
    for (let batch = 0; batch < 20; batch++) {
      for (const result of await Promise.all(Array.from({ length: 50 }, () => call(client)))) {
        const key = result.version ?? `error ${result.code}`;
        counts[key] = (counts[key] ?? 0) + 1;
      }
    }
    console.log('80/20 split over 1000 calls:', counts);
    expect(counts['v1'] + counts['v2']).toBe(1000);
    expect(counts['v2']).toBeGreaterThanOrEqual(150);
    expect(counts['v2']).toBeLessThanOrEqual(250);
  });

  it('routes by header', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => call(client, { 'x-version': 'v2' })));
    expect(new Set(results.map((result) => result.version))).toEqual(new Set(['v2']));
  });

  it('injects an abort only for matching requests', async () => {
    const aborted = await Promise.all(Array.from({ length: 10 }, () => call(client, { 'x-test': 'abort' })));
    expect(aborted.every((result) => result.code === grpc.status.UNAVAILABLE)).toBe(true);
    expect((await call(client)).version).toMatch(/^v[12]$/);
  });

  it('a route naming a missing subset fails alone; other routes keep working', async () => {
    const missing = await call(client, { 'x-test': 'missing-subset' });
    expect(missing.code).toBe(grpc.status.UNAVAILABLE);
    expect((await call(client, { 'x-version': 'v2' })).version).toBe('v2');
    expect(pilot.discovery.pushStatus().warnings.map((warning) => warning.message)).toContainEqual(expect.stringContaining('subset v9'));
  });
});

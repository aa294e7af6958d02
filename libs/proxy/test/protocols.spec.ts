import * as grpc from '@grpc/grpc-js';
import { EXTENSION_TYPE_NAMES, istioGrpc } from '@isthmus/protos';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { connect as h2connect } from 'node:http2';
import { connect as netConnect, createServer as createNetServer, type AddressInfo } from 'node:net';
import { connect as tlsConnect, createServer as createTlsServer } from 'node:tls';
import { ProxyEngine } from '../src';
import { startBackend, type Backend } from './backends';
import { createTestPki, type TestPki } from './certs';
import { cluster, httpListener, pack, routes, staticCluster, tcpListener, vhost } from './fixtures';

const listenerPort = (engine: ProxyEngine, name: string) => engine.listeners.get(name)?.port ?? 0;

function readAll(socket: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    socket.on('data', (chunk: Buffer) => (data += chunk.toString()));
    socket.on('end', () => resolve(data));
    socket.on('close', () => resolve(data));
  });
}

describe('protocols through real sockets', () => {
  let engine: ProxyEngine;
  let web: Backend;
  let pki: TestPki;
  let grpcServer: grpc.Server;
  let grpcPort: number;
  const closers: (() => void)[] = [];

  beforeAll(async () => {
    pki = createTestPki();
    web = await startBackend('web');
    // gRPC upstream: the standard health service.
    grpcServer = new grpc.Server();
    const health = istioGrpc().grpc.health.v1.Health;
    grpcServer.addService(health.service, {
      Check: (call: grpc.ServerUnaryCall<{ service: string }, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        if (call.request.service === 'broken') callback({ code: grpc.status.NOT_FOUND, details: 'no such service' });
        else callback(null, { status: 'SERVING' });
      },
    });
    grpcPort = await new Promise<number>((resolve, reject) =>
      grpcServer.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))),
    );
    // WebSocket-style upstream: answers the upgrade and echoes in upper case.
    const upgradeServer = createHttpServer();
    upgradeServer.on('upgrade', (request, socket) => {
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\nx-path: ${request.url}\r\n\r\n`);
      socket.on('data', (chunk: Buffer) => socket.write(chunk.toString().toUpperCase()));
    });
    await new Promise<void>((resolve) => upgradeServer.listen(0, '127.0.0.1', () => resolve()));
    closers.push(() => upgradeServer.close());
    // TCP echo upstream.
    const echo = createNetServer((socket) => socket.pipe(socket));
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', () => resolve()));
    closers.push(() => echo.close());
    // TLS upstream presenting spiffe://cluster.local/ns/default/sa/web (for upstream TLS + SAN checks and passthrough).
    const upstreamCert = pki.issue('web.default', { uri: ['spiffe://cluster.local/ns/default/sa/web'], dns: ['web.default.svc.cluster.local'] });
    const tlsUpstream = createTlsServer({ cert: upstreamCert.cert, key: upstreamCert.key }, (socket) => {
      socket.on('data', () => socket.end('HTTP/1.1 200 OK\r\ncontent-length: 6\r\nconnection: close\r\n\r\nsecret'));
    });
    await new Promise<void>((resolve) => tlsUpstream.listen(0, '127.0.0.1', () => resolve()));
    closers.push(() => tlsUpstream.close());
    const tlsUpstreamPort = (tlsUpstream.address() as AddressInfo).port;

    const gatewayCert = pki.issue('gateway', { dns: ['*.example.com'] });
    const upstreamTls = (san: string) => ({
      transport_socket: {
        name: 'envoy.transport_sockets.tls',
        typed_config: pack(EXTENSION_TYPE_NAMES.upstreamTlsContext, {
          common_tls_context: { validation_context: { trusted_ca: { filename: pki.caFile }, match_subject_alt_names: [{ exact: san }] } },
          sni: 'web.default.svc.cluster.local',
        }),
      },
    });
    const downstreamTls = {
      transport_socket: {
        name: 'envoy.transport_sockets.tls',
        typed_config: pack(EXTENSION_TYPE_NAMES.downstreamTlsContext, {
          common_tls_context: { tls_certificates: [{ certificate_chain: { filename: gatewayCert.certFile }, private_key: { filename: gatewayCert.keyFile } }] },
        }),
      },
    };
    engine = new ProxyEngine({ drainMs: 200 });
    const routeTable = (name: string) =>
      routes({
        name,
        virtual_hosts: [
          vhost(['*'], [
            { match: { prefix: '/grpc.health.v1.Health/' }, route: { cluster: 'grpc' } },
            { match: { prefix: '/ws' }, route: { cluster: 'ws' } },
            { match: { prefix: '/secure-ok' }, route: { cluster: 'tls-good' } },
            { match: { prefix: '/secure-bad' }, route: { cluster: 'tls-bad' } },
            { match: { prefix: '/' }, route: { cluster: 'web' } },
          ]),
        ],
      });
    await engine.applyStatic({
      clusters: [
        staticCluster('web', [web.port]),
        staticCluster('grpc', [grpcPort], { http2_protocol_options: {} }),
        staticCluster('ws', [(upgradeServer.address() as AddressInfo).port]),
        staticCluster('echo', [(echo.address() as AddressInfo).port]),
        staticCluster('tls-good', [tlsUpstreamPort], upstreamTls('spiffe://cluster.local/ns/default/sa/web')),
        staticCluster('tls-bad', [tlsUpstreamPort], upstreamTls('spiffe://cluster.local/ns/default/sa/other')),
        staticCluster('passthrough', [tlsUpstreamPort]),
      ],
      routes: [routeTable('plain'), routeTable('secure')],
      listeners: [
        httpListener('plain', 0, { routeName: 'plain' }),
        httpListener('https', 0, { routeName: 'secure', chain: { filter_chain_match: { server_names: ['shop.example.com'] }, ...downstreamTls } }),
        tcpListener('tcp', 0, 'echo'),
        tcpListener('sni-passthrough', 0, 'passthrough', { filter_chain_match: { server_names: ['web.default.svc.cluster.local'] } }),
      ].map((listener) => ({ ...listener, listener_filters: listener.name === 'sni-passthrough' || listener.name === 'https' ? [{ name: 'envoy.filters.listener.tls_inspector', typed_config: pack(EXTENSION_TYPE_NAMES.tlsInspector, {}), filter_disabled: null, config_type: 'typed_config' as const }] : [] })),
    });
  });

  afterAll(async () => {
    await engine.close();
    await web.close();
    grpcServer.forceShutdown();
    for (const close of closers) close();
  });

  it('speaks h2c downstream (prior knowledge) to an HTTP/1.1 upstream', async () => {
    const session = h2connect(`http://127.0.0.1:${listenerPort(engine, 'plain')}`);
    const stream = session.request({ ':path': '/h2', ':authority': 'shop' });
    let status = 0;
    stream.on('response', (headers) => (status = Number(headers[':status'])));
    const body = await readAll(stream);
    session.close();
    expect(status).toBe(200);
    expect(JSON.parse(body)).toMatchObject({ backend: 'web', url: '/h2', host: 'shop' });
  });

  it('proxies gRPC (HTTP/2 both sides) including error statuses in trailers', async () => {
    const Health = istioGrpc().grpc.health.v1.Health;
    const client = new Health(`127.0.0.1:${listenerPort(engine, 'plain')}`, grpc.credentials.createInsecure());
    const check = (service: string) =>
      new Promise<{ status?: string; code?: number }>((resolve) =>
        client.Check({ service }, (error: grpc.ServiceError | null, response?: { status: string }) => resolve(error ? { code: error.code } : { status: response?.status })),
      );
    expect(await check('')).toEqual({ status: 'SERVING' });
    expect(await check('broken')).toEqual({ code: grpc.status.NOT_FOUND });
    client.close();
  });

  it('upgrades to WebSocket and splices both directions', async () => {
    const socket = netConnect(listenerPort(engine, 'plain'), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('GET /ws/chat HTTP/1.1\r\nhost: chat\r\nconnection: Upgrade\r\nupgrade: websocket\r\nsec-websocket-version: 13\r\nsec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n');
    const head = await new Promise<string>((resolve) => socket.once('data', (chunk: Buffer) => resolve(chunk.toString())));
    expect(head).toContain('101 Switching Protocols');
    expect(head).toContain('x-path: /ws/chat');
    socket.write('hello');
    const echoed = await new Promise<string>((resolve) => socket.once('data', (chunk: Buffer) => resolve(chunk.toString())));
    expect(echoed).toBe('HELLO');
    socket.destroy();
  });

  it('proxies raw TCP', async () => {
    const socket = netConnect(listenerPort(engine, 'tcp'), '127.0.0.1');
    socket.end('ping over tcp');
    expect(await readAll(socket)).toBe('ping over tcp');
  });

  it('terminates TLS chosen by SNI, negotiating HTTP/1.1 or h2 by ALPN', async () => {
    const port = listenerPort(engine, 'https');
    const body = await new Promise<string>((resolve, reject) => {
      const request = httpRequest(
        { host: '127.0.0.1', port, path: '/tls', headers: { host: 'shop.example.com' }, createConnection: () => tlsConnect({ host: '127.0.0.1', port, servername: 'shop.example.com', ca: pki.ca.cert, ALPNProtocols: ['http/1.1'] }) },
        (response) => resolve(readAll(response)),
      );
      request.on('error', reject);
      request.end();
    });
    expect(JSON.parse(body)).toMatchObject({ backend: 'web', url: '/tls' });
    const session = h2connect(`https://shop.example.com:${port}`, { ca: pki.ca.cert, createConnection: () => tlsConnect({ host: '127.0.0.1', port, servername: 'shop.example.com', ca: pki.ca.cert, ALPNProtocols: ['h2'] }) });
    const stream = session.request({ ':path': '/over-h2' });
    const h2body = await readAll(stream);
    session.close();
    expect(JSON.parse(h2body)).toMatchObject({ url: '/over-h2' });
    // No chain for another server name: the connection is refused.
    const refused = tlsConnect({ host: '127.0.0.1', port, servername: 'other.test', ca: pki.ca.cert });
    await expect(new Promise((resolve, reject) => { refused.once('secureConnect', resolve); refused.once('error', reject); refused.once('close', () => reject(new Error('closed'))); })).rejects.toThrow();
  });

  it('passes TLS through by SNI without terminating it', async () => {
    const socket = tlsConnect({ host: '127.0.0.1', port: listenerPort(engine, 'sni-passthrough'), servername: 'web.default.svc.cluster.local', ca: pki.ca.cert });
    await new Promise((resolve) => socket.once('secureConnect', resolve));
    expect(socket.getPeerCertificate().subjectaltname).toContain('spiffe://cluster.local/ns/default/sa/web');
    socket.write('GET / HTTP/1.1\r\n\r\n');
    expect(await readAll(socket)).toContain('secret');
  });

  it('originates TLS upstream and verifies the SPIFFE SAN', async () => {
    const port = listenerPort(engine, 'plain');
    const ok = await new Promise<{ status: number; body: string }>((resolve) =>
      httpRequest({ host: '127.0.0.1', port, path: '/secure-ok', agent: false }, async (response) => resolve({ status: response.statusCode ?? 0, body: await readAll(response) })).end(),
    );
    expect(ok).toEqual({ status: 200, body: 'secret' });
    const bad = await new Promise<number>((resolve) => httpRequest({ host: '127.0.0.1', port, path: '/secure-bad', agent: false }, (response) => { response.resume(); resolve(response.statusCode ?? 0); }).end());
    expect(bad).toBe(503);
  });

  it('rejects config it cannot honour, naming the field', () => {
    expect(() => engine.applyClusters([{ name: 'x', value: cluster({ name: 'x', type: 'STATIC', lb_policy: 'MAGLEV', load_assignment: { cluster_name: 'x', endpoints: [] } }) }], 'v')).toThrow(
      'cluster x.lb_policy: load balancing policy MAGLEV is not supported',
    );
  });
});

/** The upstream HTTP/1.1 client (pool, connection, framing) against real servers on loopback. */
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { compileCluster } from '../src/config';
import { CertStore } from '../src/tls/cert-store';
import { Host } from '../src/upstream/host';
import { encodeRequestHead, type Http1FailureKind } from '../src/upstream/http1-connection';
import { Http1Pool } from '../src/upstream/http1-pool';
import { startBackend, type Backend } from './backends';
import { staticCluster } from './fixtures';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  trailers: IncomingHttpHeaders;
}

function makePool(port: number, extra: object = {}) {
  const counts = { opened: 0, closed: 0, connectFailures: 0 };
  const config = compileCluster(staticCluster('c', [port], extra));
  const pool = new Http1Pool(config, { onConnection: (delta) => (delta === 1 ? counts.opened++ : counts.closed++), onConnectFailure: () => counts.connectFailures++ }, new CertStore());
  return { pool, counts, host: new Host('127.0.0.1', port, 1, true, 0) };
}

/** One request through the pool; resolves with the answer or rejects with the failure kind. */
function send(pool: Http1Pool, host: Host, method: string, path: string, headers: OutgoingHttpHeaders, body: string[] = []): Promise<Answer> {
  return new Promise((resolve, reject) => {
    pool.acquire(host, (connection) => {
      const sink = connection.send(method, encodeRequestHead(method, path, { host: 'test', ...headers }), {
        onHead: (status, responseHeaders, response) => {
          let text = '';
          let trailers: IncomingHttpHeaders = {};
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.once('trailers', (values: IncomingHttpHeaders) => (trailers = values));
          response.once('end', () => resolve({ status, headers: responseHeaders, body: text, trailers }));
          response.once('error', reject);
        },
        onFailure: (kind: Http1FailureKind, error) => reject(Object.assign(error, { kind })),
      });
      for (const chunk of body) sink.write(Buffer.from(chunk));
      sink.end();
    });
  });
}

describe('HTTP/1.1 upstream pool', () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await startBackend('b', (request, response, body) => {
      if (request.url === '/chunked') {
        response.writeHead(200, { trailer: 'x-sum' });
        response.write('part1-');
        response.addTrailers({ 'x-sum': '42' });
        response.end('part2');
        return true;
      }
      response.writeHead(200, { 'x-method': request.method ?? '', 'x-te': String(request.headers['transfer-encoding'] ?? '') });
      response.end(`${request.method} ${body}`);
      return true;
    });
  });
  afterAll(() => backend.close());

  it('reuses one keep-alive connection for sequential requests and frames bodies both ways', async () => {
    const { pool, counts, host } = makePool(backend.port);
    const first = await send(pool, host, 'POST', '/a', { 'content-length': '5' }, ['he', 'llo']);
    expect(first).toMatchObject({ status: 200, body: 'POST hello' });
    // No content-length: the body goes chunked, as Node's client would send it.
    const second = await send(pool, host, 'PUT', '/b', {}, ['chunk one,', ' chunk two']);
    expect(second.body).toBe('PUT chunk one, chunk two');
    expect(second.headers['x-te']).toBe('chunked');
    const third = await send(pool, host, 'GET', '/chunked', {});
    expect(third.body).toBe('part1-part2');
    expect(third.trailers).toEqual({ 'x-sum': '42' });
    expect(counts.opened).toBe(1);
    pool.destroy();
  });

  it('waits for a free connection at max_connections, and retires connections after max_requests_per_connection', async () => {
    const capped = makePool(backend.port, { circuit_breakers: { thresholds: [{ max_connections: { value: 1 } }] } });
    const answers = await Promise.all([1, 2, 3].map((index) => send(capped.pool, capped.host, 'GET', `/${index}`, {})));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(capped.counts.opened).toBe(1);
    capped.pool.destroy();

    const retiring = makePool(backend.port, { max_requests_per_connection: { value: 2 } });
    for (let index = 0; index < 3; index++) await send(retiring.pool, retiring.host, 'GET', '/', {});
    expect(retiring.counts.opened).toBe(2);
    retiring.pool.destroy();
  });

  it('closes a connection that finishes its request after the cluster was removed, instead of keeping it idle', async () => {
    const { pool, counts, host } = makePool(backend.port);
    const answer = send(pool, host, 'POST', '/late', { 'content-length': '4' }, ['late']);
    pool.destroy();
    expect((await answer).body).toBe('POST late');
    await until(() => counts.closed === 1);
  });

  it('does not hand out a connection the server closed while it was idle', async () => {
    const server = await rawServer((socket, request) => {
      // Answers once, then closes the idle connection the way servers with a short keep-alive timeout do.
      socket.end(`HTTP/1.1 200 OK\r\ncontent-length: ${request.length}\r\n\r\n${request}`);
    });
    const { pool, counts, host } = makePool(server.port);
    await send(pool, host, 'GET', '/', {});
    await until(() => counts.closed === 1);
    expect((await send(pool, host, 'GET', '/', {})).status).toBe(200);
    expect(counts.opened).toBe(2);
    pool.destroy();
    await server.close();
  });

  it('classifies failures: refused connections as connect failures, a reset mid-response as a reset', async () => {
    const closed = await rawServer(() => undefined);
    const port = closed.port;
    await closed.close();
    const refused = makePool(port);
    await expect(send(refused.pool, refused.host, 'GET', '/', {})).rejects.toMatchObject({ kind: 'connect' });
    expect(refused.counts.connectFailures).toBe(1);

    const cut = await rawServer((socket) => socket.write('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\nshort', () => socket.destroy()));
    const resetting = makePool(cut.port);
    await expect(send(resetting.pool, resetting.host, 'GET', '/', {})).rejects.toMatchObject({ code: 'ECONNRESET' });
    const garbage = await rawServer((socket) => socket.end('NOT HTTP\r\n\r\n'));
    const confused = makePool(garbage.port);
    await expect(send(confused.pool, confused.host, 'GET', '/', {})).rejects.toMatchObject({ kind: 'reset', message: expect.stringContaining('invalid status line') });
    for (const pool of [refused.pool, resetting.pool, confused.pool]) pool.destroy();
    await Promise.all([cut.close(), garbage.close()]);
  });

  it('refuses header values that would break the request framing', () => {
    expect(() => encodeRequestHead('GET', '/', { 'x-bad': 'a\r\nx-injected: 1' })).toThrow('invalid character in header "x-bad"');
  });
});

/** A TCP server that calls `answer` with each socket's first request head. */
async function rawServer(answer: (socket: Socket, requestLine: string) => void): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    let seen = '';
    socket.on('data', (data: Buffer) => {
      seen += data.toString('latin1');
      const end = seen.indexOf('\r\n\r\n');
      if (end >= 0) {
        answer(socket, seen.slice(0, seen.indexOf('\r\n')));
        seen = seen.slice(end + 4);
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function until(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

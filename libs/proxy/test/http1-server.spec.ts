/** The downstream HTTP/1.x codec against raw client sockets on loopback (byte-exact requests). */
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { Http1IncomingRequest, Http1OutgoingResponse } from '../src/http/http1-downstream';
import { Http1Server, type Http1ServerOptions } from '../src/http/http1-server';

type Handler = (request: Http1IncomingRequest, response: Http1OutgoingResponse, body: string) => void;

/** Echoes method, url and body; `handler` may answer instead. */
async function startServer(options: Partial<Http1ServerOptions> = {}, handler?: Handler) {
  const seen: { method: string; url: string; body: string; trailers: Record<string, unknown> }[] = [];
  const http = new Http1Server({
    keepAliveTimeoutMs: 60_000,
    requestTimeoutMs: 0,
    headersTimeoutMs: 60_000,
    onRequest: (request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ method: request.method, url: request.url, body, trailers: request.trailers });
        if (handler) return handler(request, response, body);
        response.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(Buffer.byteLength(`${request.method} ${request.url} ${body}`)) });
        response.end(`${request.method} ${request.url} ${body}`);
      });
    },
    onUpgrade: (_request, socket, head) => {
      socket.write('HTTP/1.1 101 Switching Protocols\r\nupgrade: echo\r\nconnection: upgrade\r\n\r\n');
      socket.write(head);
      socket.pipe(socket);
    },
    ...options,
  });
  const server: Server = createServer((socket) => http.accept(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () => {
      http.close();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Writes `requests` (byte-exact) on one connection and collects what comes back until `done` says enough or it closes. */
function exchange(port: number, requests: string | string[], done: (received: string) => boolean = () => false): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1');
    let text = '';
    // Bounded: a server that neither answers enough nor closes fails the test instead of hanging it.
    const timer = setTimeout(() => finish(false), 5000);
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.removeAllListeners('data');
      socket.destroy();
      resolve({ text, closed });
    };
    socket.on('data', (data: Buffer) => {
      text += data.toString('latin1');
      if (done(text)) finish(false);
    });
    socket.once('close', () => finish(true));
    socket.on('error', () => undefined);
    const parts = Array.isArray(requests) ? requests : [requests];
    let index = 0;
    const next = () => {
      if (index >= parts.length) return;
      socket.write(parts[index++]);
      setTimeout(next, 20);
    };
    next();
  });
}

const responses = (text: string) => text.split(/(?=HTTP\/1\.[01] \d{3})/).filter(Boolean);

describe('HTTP/1.x downstream codec', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer({}, (request, response, body) => {
      if (request.url === '/stream') {
        response.writeHead(200, { 'x-stream': '1' });
        response.write(Buffer.from('one,'));
        response.addTrailers({ 'x-done': 'yes' });
        response.end(Buffer.from('two'));
        return;
      }
      if (request.url === '/empty') {
        response.writeHead(204, { 'content-length': '0' });
        response.end();
        return;
      }
      const text = `${request.method} ${request.url} ${body}`;
      response.writeHead(200, { 'content-length': String(text.length) });
      response.end(text);
    });
  });
  afterAll(() => server.close());

  it('keeps a connection alive across requests and answers pipelined requests in order', async () => {
    const two = 'GET /a HTTP/1.1\r\nhost: x\r\n\r\nPOST /b HTTP/1.1\r\nhost: x\r\ncontent-length: 3\r\n\r\nabc';
    const { text, closed } = await exchange(server.port, [two, 'GET /c HTTP/1.1\r\nhost: x\r\n\r\n'], (received) => responses(received).length === 3 && received.endsWith('/c '));
    expect(closed).toBe(false);
    const bodies = responses(text).map((response) => response.slice(response.indexOf('\r\n\r\n') + 4));
    expect(bodies).toEqual(['GET /a ', 'POST /b abc', 'GET /c ']);
    expect(text).toContain('date: ');
  });

  it('reads chunked request bodies with trailers, and chunks a streamed response with its trailers', async () => {
    const request = 'POST /chunked HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\nx-sum: 5\r\n\r\n';
    const { text } = await exchange(server.port, request, (received) => received.includes('abcde'));
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(server.seen.at(-1)).toMatchObject({ body: 'abcde', trailers: { 'x-sum': '5' } });
    const streamed = await exchange(server.port, 'GET /stream HTTP/1.1\r\nhost: x\r\n\r\n', (received) => received.endsWith('\r\n0\r\nx-done: yes\r\n\r\n'));
    expect(streamed.text).toContain('transfer-encoding: chunked\r\n');
    expect(streamed.text).toContain('\r\n4\r\none,\r\n3\r\ntwo\r\n0\r\nx-done: yes\r\n\r\n');
  });

  it('answers 100-continue, HEAD and 204 the way clients expect', async () => {
    const continued = await exchange(server.port, ['POST /e HTTP/1.1\r\nhost: x\r\nexpect: 100-continue\r\ncontent-length: 2\r\n\r\n', 'hi'], (received) => received.endsWith('POST /e hi'));
    expect(continued.text).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK/);
    const head = await exchange(server.port, 'HEAD /h HTTP/1.1\r\nhost: x\r\n\r\nGET /after HTTP/1.1\r\nhost: x\r\n\r\n', (received) => received.endsWith('GET /after '));
    const [headResponse] = responses(head.text);
    expect(headResponse).toContain('content-length: 8\r\n'); // what GET would have sent: "HEAD /h "
    expect(headResponse.endsWith('\r\n\r\n')).toBe(true); // no body after a HEAD response head
    const empty = await exchange(server.port, 'GET /empty HTTP/1.1\r\nhost: x\r\n\r\n', (received) => received.includes('\r\n\r\n'));
    expect(empty.text).toMatch(/^HTTP\/1\.1 204 No Content\r\n/);
    expect(empty.text).not.toContain('content-length');
  });

  it('speaks HTTP/1.0: closes unless asked to keep alive', async () => {
    const plain = await exchange(server.port, 'GET /old HTTP/1.0\r\n\r\n');
    expect(plain.closed).toBe(true);
    expect(plain.text).toMatch(/^HTTP\/1\.0 200 OK\r\n[\s\S]*connection: close\r\n/);
    const kept = await exchange(server.port, 'GET /old HTTP/1.0\r\nconnection: keep-alive\r\n\r\n', (received) => received.endsWith('GET /old '));
    expect(kept.closed).toBe(false);
    expect(kept.text).toContain('connection: keep-alive\r\n');
  });

  it.each([
    ['a malformed request line', 'GET /a b HTTP/1.1 extra\r\n\r\n', 400],
    ['content-length with transfer-encoding (smuggling)', 'POST / HTTP/1.1\r\ncontent-length: 3\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n', 400],
    ['a transfer-encoding other than chunked', 'POST / HTTP/1.1\r\ntransfer-encoding: gzip\r\n\r\n', 400],
    ['conflicting content-lengths', 'POST / HTTP/1.1\r\ncontent-length: 1\r\ncontent-length: 2\r\n\r\n', 400],
    ['a header line without a colon', 'GET / HTTP/1.1\r\nbroken\r\n\r\n', 400],
    ['CONNECT', 'CONNECT example.com:443 HTTP/1.1\r\nhost: example.com:443\r\n\r\n', 400],
    ['a head over 60 KiB', `GET / HTTP/1.1\r\nx-big: ${'a'.repeat(61 * 1024)}\r\n\r\n`, 431],
  ])('refuses %s and closes', async (_name, request, status) => {
    const { text, closed } = await exchange(server.port, request);
    expect(closed).toBe(true);
    expect(text).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
  });

  it('hands upgrade requests the raw socket with the bytes read past the head', async () => {
    const { text } = await exchange(server.port, ['GET /ws HTTP/1.1\r\nhost: x\r\nconnection: Upgrade\r\nupgrade: echo\r\n\r\nearly', 'late'], (received) => received.endsWith('earlylate'));
    expect(text).toMatch(/^HTTP\/1\.1 101 Switching Protocols\r\n[\s\S]*\r\n\r\nearlylate$/);
  });

  it('times out a head that never completes, and idle keep-alive connections', async () => {
    const strict = await startServer({ headersTimeoutMs: 200, keepAliveTimeoutMs: 200 });
    const slow = await exchange(strict.port, 'GET / HTTP/1.1\r\nhost: x\r\n');
    expect(slow).toMatchObject({ closed: true });
    expect(slow.text).toMatch(/^HTTP\/1\.1 408 /);
    const idle = await exchange(strict.port, 'GET /first HTTP/1.1\r\nhost: x\r\n\r\n');
    expect(idle.closed).toBe(true);
    expect(idle.text).toContain('GET /first ');
    await strict.close();
  });
});

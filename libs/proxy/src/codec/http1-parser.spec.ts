import type { IncomingHttpHeaders } from 'node:http';
import { Http1RequestParser, Http1ResponseParser, type RequestHead, type ResponseHead } from './http1-parser';

interface Parsed {
  heads: ResponseHead[];
  body: string;
  trailers: IncomingHttpHeaders | undefined;
  completions: number;
}

function parser(method = 'GET'): { parser: Http1ResponseParser; parsed: Parsed } {
  const parsed: Parsed = { heads: [], body: '', trailers: undefined, completions: 0 };
  const instance = new Http1ResponseParser({
    onHead: (head) => parsed.heads.push(head),
    onBody: (chunk) => (parsed.body += chunk.toString('latin1')),
    onComplete: (trailers) => {
      parsed.trailers = trailers;
      parsed.completions++;
    },
  });
  instance.expect(method);
  return { parser: instance, parsed };
}

/** Feeds `wire` cut at every possible pair of points: framing must not depend on how reads split the bytes. */
function parseSplitEverywhere(wire: string, check: (parsed: Parsed) => void): void {
  const bytes = Buffer.from(wire, 'latin1');
  for (let first = 0; first <= bytes.length; first++) {
    for (let second = first; second <= bytes.length; second += 7) {
      const { parser: instance, parsed } = parser();
      for (const piece of [bytes.subarray(0, first), bytes.subarray(first, second), bytes.subarray(second)]) if (piece.length) instance.execute(piece);
      check(parsed);
    }
  }
}

describe('HTTP/1.1 response parser', () => {
  it('frames a content-length body and reports keep-alive', () => {
    parseSplitEverywhere('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: 1\r\n\r\nhello', (parsed) => {
      expect(parsed.heads).toHaveLength(1);
      expect(parsed.heads[0]).toMatchObject({ status: 200, keepAlive: true, headers: { 'content-length': '5', 'x-a': '1' } });
      expect(parsed.body).toBe('hello');
      expect(parsed.completions).toBe(1);
    });
  });

  it('decodes chunked bodies with extensions and trailers', () => {
    const wire = 'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\nA\r\n0123456789\r\n0\r\ngrpc-status: 0\r\nx-t: a\r\n\r\n';
    parseSplitEverywhere(wire, (parsed) => {
      expect(parsed.body).toBe('hello0123456789');
      expect(parsed.trailers).toEqual({ 'grpc-status': '0', 'x-t': 'a' });
      expect(parsed.heads[0].keepAlive).toBe(true);
      expect(parsed.completions).toBe(1);
    });
  });

  it('ends a chunked body without trailers', () => {
    parseSplitEverywhere('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n', (parsed) => {
      expect(parsed.body).toBe('abc');
      expect(parsed.trailers).toBeUndefined();
      expect(parsed.completions).toBe(1);
    });
  });

  it('skips 1xx interim responses', () => {
    const { parser: instance, parsed } = parser();
    instance.execute(Buffer.from('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\ncontent-length: 0\r\n\r\n'));
    expect(parsed.heads.map((head) => head.status)).toEqual([201]);
    expect(parsed.completions).toBe(1);
    expect(instance.midMessage).toBe(false);
  });

  it('gives HEAD, 204 and 304 responses no body whatever their headers say', () => {
    const head = parser('HEAD');
    head.parser.execute(Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n'));
    expect(head.parsed.completions).toBe(1);
    for (const status of [204, 304]) {
      const { parser: instance, parsed } = parser();
      instance.execute(Buffer.from(`HTTP/1.1 ${status} X\r\ncontent-length: 10\r\n\r\n`));
      expect(parsed.completions).toBe(1);
    }
  });

  it('reads a body without framing until the connection ends, and does not reuse that connection', () => {
    const { parser: instance, parsed } = parser();
    instance.execute(Buffer.from('HTTP/1.1 200 OK\r\n\r\npart one, '));
    instance.execute(Buffer.from('part two'));
    expect(parsed.completions).toBe(0);
    expect(instance.readsUntilClose).toBe(true);
    expect(instance.finish()).toBe(true);
    expect(parsed.body).toBe('part one, part two');
    expect(parsed.heads[0].keepAlive).toBe(false);
  });

  it('reports a response cut short by the connection closing', () => {
    const { parser: instance } = parser();
    instance.execute(Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nabc'));
    expect(instance.finish()).toBe(false);
  });

  it('decides keep-alive like HTTP/1.0 and 1.1 peers expect', () => {
    const cases: Array<[string, boolean]> = [
      ['HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n', true],
      ['HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-length: 0\r\n\r\n', false],
      ['HTTP/1.0 200 OK\r\ncontent-length: 0\r\n\r\n', false],
      ['HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\ncontent-length: 0\r\n\r\n', true],
      // Both framings: transfer-encoding wins and the connection is not trusted further.
      ['HTTP/1.1 200 OK\r\ncontent-length: 3\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n', false],
    ];
    for (const [wire, keepAlive] of cases) {
      const { parser: instance, parsed } = parser();
      instance.execute(Buffer.from(wire));
      expect({ wire, keepAlive: parsed.heads[0].keepAlive }).toEqual({ wire, keepAlive });
    }
  });

  it('takes the server keep-alive timeout hint', () => {
    const { parser: instance, parsed } = parser();
    instance.execute(Buffer.from('HTTP/1.1 200 OK\r\nKeep-Alive: timeout=5, max=100\r\ncontent-length: 0\r\n\r\n'));
    expect(parsed.heads[0].keepAliveTimeoutMs).toBe(5000);
  });

  it('combines repeated headers as Node does: set-cookie as a list, single-valued ones keep the first', () => {
    const { parser: instance, parsed } = parser();
    instance.execute(Buffer.from('HTTP/1.1 200 OK\r\nset-cookie: a=1\r\nSet-Cookie: b=2\r\nvia: x\r\nvia: y\r\ncontent-type: text/a\r\ncontent-type: text/b\r\ncontent-length: 0\r\n\r\n'));
    expect(parsed.heads[0].headers).toMatchObject({ 'set-cookie': ['a=1', 'b=2'], via: 'x, y', 'content-type': 'text/a' });
  });

  it.each([
    ['a bad status line', 'HTTP/2 200 OK\r\n\r\n', /invalid status line/],
    ['a header line without a name', 'HTTP/1.1 200 OK\r\n: x\r\n\r\n', /invalid header line/],
    ['a folded header line', 'HTTP/1.1 200 OK\r\nx-a: 1\r\n  continued\r\n\r\n', /invalid header line/],
    ['conflicting content-lengths', 'HTTP/1.1 200 OK\r\ncontent-length: 1\r\ncontent-length: 2\r\n\r\n', /conflicting content-length/],
    ['a non-numeric content-length', 'HTTP/1.1 200 OK\r\ncontent-length: -1\r\n\r\n', /invalid content-length/],
    ['a bad chunk size', 'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n', /invalid chunk size/],
    ['chunk data without its CRLF', 'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n1\r\naXY', /not followed by CRLF/],
    ['101 on a plain request', 'HTTP/1.1 101 Switching Protocols\r\n\r\n', /unexpected 101/],
  ])('rejects %s', (_name, wire, message) => {
    const { parser: instance } = parser();
    expect(() => instance.execute(Buffer.from(wire))).toThrow(message);
  });

  it('stops at the end of a response and rejects bytes while no request is outstanding', () => {
    for (const wire of ['HTTP/1.1 200 OK\r\ncontent-length: 1\r\n\r\na', 'HTTP/1.1 204 No Content\r\n\r\n']) {
      const { parser: instance, parsed } = parser();
      expect(instance.execute(Buffer.from(`${wire}EXTRA`))).toBe(wire.length);
      expect(parsed.completions).toBe(1);
      expect(() => instance.execute(Buffer.from('HTTP/1.1 200 OK\r\n'))).toThrow(/no message expected/);
    }
  });

  it('rejects a header block over 60 KiB, whether it arrives in pieces or whole', () => {
    const { parser: instance } = parser();
    instance.execute(Buffer.from('HTTP/1.1 200 OK\r\n'));
    expect(() => instance.execute(Buffer.from(`x-big: ${'a'.repeat(61 * 1024)}`))).toThrow(/too large/);
    const whole = parser();
    expect(() => whole.parser.execute(Buffer.from(`HTTP/1.1 200 OK\r\nx-big: ${'a'.repeat(61 * 1024)}\r\n\r\n`))).toThrow(/too large/);
  });
});

describe('HTTP/1.x request parser', () => {
  interface Request {
    head: RequestHead;
    body: string;
    trailers: IncomingHttpHeaders | undefined;
  }

  /** Parses `wire` fed in the given pieces, re-feeding what each call leaves (as the server does between messages). */
  function parseRequests(pieces: readonly Buffer[]): Request[] {
    const requests: Request[] = [];
    const parser = new Http1RequestParser({
      onHead: (head) => requests.push({ head, body: '', trailers: undefined }),
      onBody: (chunk) => (requests[requests.length - 1].body += chunk.toString('latin1')),
      onComplete: (trailers) => (requests[requests.length - 1].trailers = trailers),
    });
    for (const piece of pieces) {
      let offset = 0;
      while (offset < piece.length) offset += parser.execute(piece.subarray(offset));
    }
    return requests;
  }

  it('frames pipelined requests (length, chunked with trailers, none) however the reads split them', () => {
    const wire = Buffer.from(
      'POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc' +
        'PUT /b HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n2\r\nde\r\n1;ext\r\nf\r\n0\r\nx-t: 1\r\n\r\n' +
        'GET /c?q=1 HTTP/1.0\r\nconnection: keep-alive\r\ncookie: a=1\r\ncookie: b=2\r\n\r\n',
      'latin1',
    );
    for (let cut = 0; cut <= wire.length; cut++) {
      const requests = parseRequests([wire.subarray(0, cut), wire.subarray(cut)]);
      expect(requests.map((request) => [request.head.method, request.head.url, request.body])).toEqual([
        ['POST', '/a', 'abc'],
        ['PUT', '/b', 'def'],
        ['GET', '/c?q=1', ''],
      ]);
      expect(requests[1].trailers).toEqual({ 'x-t': '1' });
      expect(requests[2].head).toMatchObject({ versionMinor: 0, keepAlive: true, headers: { cookie: 'a=1; b=2' } });
    }
  });

  it('marks upgrades and 100-continue', () => {
    const [upgrade, continued] = parseRequests([
      Buffer.from('GET /ws HTTP/1.1\r\nconnection: keep-alive, Upgrade\r\nupgrade: websocket\r\n\r\n'),
      Buffer.from('POST /e HTTP/1.1\r\nexpect: 100-continue\r\ncontent-length: 0\r\n\r\n'),
    ]);
    expect(upgrade.head).toMatchObject({ upgrade: true, expectContinue: false });
    expect(continued.head).toMatchObject({ upgrade: false, expectContinue: true });
  });

  it.each([
    ['content-length with transfer-encoding', 'POST / HTTP/1.1\r\ncontent-length: 1\r\ntransfer-encoding: chunked\r\n\r\n', /both content-length and transfer-encoding/],
    ['a transfer coding other than chunked last', 'POST / HTTP/1.1\r\ntransfer-encoding: chunked, gzip\r\n\r\n', /unsupported transfer-encoding/],
    ['a lower-case method', 'get / HTTP/1.1\r\n\r\n', /invalid request line/],
    ['HTTP/2 on an HTTP/1 connection', 'GET / HTTP/2.0\r\n\r\n', /invalid request line/],
    ['a NUL in a header value', 'GET / HTTP/1.1\r\nx-a: b\0c\r\n\r\n', /invalid character/],
  ])('refuses %s', (_name, wire, message) => {
    expect(() => parseRequests([Buffer.from(wire, 'latin1')])).toThrow(message);
  });
});

import type { IncomingHttpHeaders } from 'node:http';

/** Envoy's default limit for a header block (max_request_headers_kb = 60). */
const MAX_HEAD_BYTES = 60 * 1024;
const CRLF_CRLF = Buffer.from('\r\n\r\n');
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Headers where a repeat is dropped rather than joined (Node's IncomingMessage rule, so routing sees the same). */
const SINGLE_VALUED = new Set([
  'age', 'authorization', 'content-length', 'content-type', 'etag', 'expires', 'from', 'host', 'if-modified-since',
  'if-unmodified-since', 'last-modified', 'location', 'max-forwards', 'proxy-authorization', 'referer', 'retry-after',
  'server', 'user-agent',
]);

export class Http1ProtocolError extends Error {
  readonly code = 'HPE_INVALID';
}

export interface ResponseHead {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** Whether the connection may carry another request after this response. */
  readonly keepAlive: boolean;
  /** The server's `keep-alive: timeout=N` hint in ms (it closes idle connections after that), if given. */
  readonly keepAliveTimeoutMs: number | undefined;
}

export interface ResponseEvents {
  /** The final (non-1xx) response head. */
  onHead(head: ResponseHead): void;
  onBody(chunk: Buffer): void;
  /** The body is complete; chunked responses may carry trailers. */
  onComplete(trailers: IncomingHttpHeaders | undefined): void;
}

const enum State {
  Idle,
  Head,
  FixedBody,
  ChunkSize,
  ChunkData,
  ChunkDataEnd,
  Trailers,
  BodyUntilClose,
}

/**
 * An incremental HTTP/1.x response parser for the upstream client: status line and headers, then a body framed by
 * content-length, chunked transfer coding (with trailers) or the end of the connection; 1xx interim responses are
 * skipped. It is fed socket reads as they come and hands body bytes on as views into them (no copies).
 */
export class Http1ResponseParser {
  private state = State.Idle;
  private pending: Buffer | undefined;
  private remaining = 0;
  private bodyless = false;
  /** A response completed in the current read: any byte after it is not a response to anything we sent. */
  private completed = false;

  constructor(private readonly events: ResponseEvents) {}

  /** Arms the parser for the response to the next request; HEAD responses carry no body whatever their headers say. */
  expect(method: string): void {
    this.state = State.Head;
    this.bodyless = method === 'HEAD';
    this.pending = undefined;
  }

  get idle(): boolean {
    return this.state === State.Idle;
  }

  /** True while the body runs to the end of the connection (so the socket's end completes it). */
  get readsUntilClose(): boolean {
    return this.state === State.BodyUntilClose;
  }

  /** Parses `data`; throws Http1ProtocolError on a malformed response. Bytes past the response are a protocol error. */
  execute(data: Buffer): void {
    let offset = 0;
    this.completed = false;
    if (this.pending) {
      data = Buffer.concat([this.pending, data]);
      this.pending = undefined;
    }
    while (offset < data.length) {
      if (this.completed) {
        this.completed = false;
        throw new Http1ProtocolError('data after the end of the response');
      }
      switch (this.state) {
        case State.Idle:
          throw new Http1ProtocolError('data from upstream with no request outstanding');
        case State.Head: {
          const end = data.indexOf(CRLF_CRLF, offset);
          if (end < 0) return this.keep(data, offset, MAX_HEAD_BYTES, 'response headers too large');
          this.head(data.toString('latin1', offset, end));
          offset = end + 4;
          break;
        }
        case State.FixedBody: {
          const take = Math.min(this.remaining, data.length - offset);
          this.remaining -= take;
          const chunk = offset === 0 && take === data.length ? data : data.subarray(offset, offset + take);
          offset += take;
          this.events.onBody(chunk);
          if (this.remaining === 0) this.complete(undefined);
          break;
        }
        case State.ChunkSize: {
          const end = data.indexOf('\r\n', offset, 'latin1');
          if (end < 0) return this.keep(data, offset, 1024, 'chunk size line too long');
          const line = data.toString('latin1', offset, end);
          const semicolon = line.indexOf(';');
          const digits = (semicolon < 0 ? line : line.slice(0, semicolon)).trim();
          if (!/^[0-9a-fA-F]{1,12}$/.test(digits)) throw new Http1ProtocolError(`invalid chunk size "${digits}"`);
          this.remaining = parseInt(digits, 16);
          offset = end + 2;
          this.state = this.remaining === 0 ? State.Trailers : State.ChunkData;
          break;
        }
        case State.ChunkData: {
          const take = Math.min(this.remaining, data.length - offset);
          this.remaining -= take;
          this.events.onBody(data.subarray(offset, offset + take));
          offset += take;
          if (this.remaining === 0) this.state = State.ChunkDataEnd;
          break;
        }
        case State.ChunkDataEnd: {
          if (data.length - offset < 2) return this.keep(data, offset, 2, '');
          if (data[offset] !== 13 || data[offset + 1] !== 10) throw new Http1ProtocolError('chunk data not followed by CRLF');
          offset += 2;
          this.state = State.ChunkSize;
          break;
        }
        case State.Trailers: {
          if (data.length - offset >= 2 && data[offset] === 13 && data[offset + 1] === 10) {
            offset += 2;
            this.complete(undefined);
            break;
          }
          const end = data.indexOf(CRLF_CRLF, offset);
          if (end < 0) return this.keep(data, offset, MAX_HEAD_BYTES, 'response trailers too large');
          const trailers: IncomingHttpHeaders = {};
          parseFields(data.toString('latin1', offset, end).split('\r\n'), 0, trailers);
          offset = end + 4;
          this.complete(trailers);
          break;
        }
        case State.BodyUntilClose:
          this.events.onBody(offset === 0 ? data : data.subarray(offset));
          return;
      }
    }
  }

  /** The connection ended: completes a body that runs to the close; false if a response was cut short. */
  finish(): boolean {
    if (this.state === State.BodyUntilClose) {
      this.complete(undefined);
      return true;
    }
    return this.state === State.Idle;
  }

  private keep(data: Buffer, offset: number, limit: number, tooLarge: string): void {
    if (data.length - offset > limit) throw new Http1ProtocolError(tooLarge);
    this.pending = offset === 0 ? data : data.subarray(offset);
  }

  private head(text: string): void {
    const lines = text.split('\r\n');
    const statusLine = lines[0];
    if (!/^HTTP\/1\.[01] \d{3}(?: |$)/.test(statusLine)) throw new Http1ProtocolError(`invalid status line "${statusLine.slice(0, 64)}"`);
    const status = Number(statusLine.slice(9, 12));
    const headers: IncomingHttpHeaders = {};
    parseFields(lines, 1, headers);
    if (status < 200) {
      if (status === 101) throw new Http1ProtocolError('unexpected 101 Switching Protocols');
      return; // 100 Continue, 103 Early Hints: wait for the final response
    }
    const http10 = statusLine.charCodeAt(7) === 48;
    const connection = (headers['connection'] ?? '').toLowerCase();
    let keepAlive = http10 ? connection.includes('keep-alive') : !connection.includes('close');
    const transferEncoding = headers['transfer-encoding'];
    const contentLength = headers['content-length'];
    if (this.bodyless || status === 204 || status === 304) {
      this.state = State.Idle;
    } else if (transferEncoding !== undefined) {
      // With both, transfer-encoding wins and the connection is not reused (request-smuggling guard, RFC 9112 6.3).
      if (contentLength !== undefined) keepAlive = false;
      if (/(?:^|,)\s*chunked\s*$/i.test(transferEncoding)) this.state = State.ChunkSize;
      else {
        this.state = State.BodyUntilClose;
        keepAlive = false;
      }
    } else if (contentLength !== undefined) {
      if (!/^\d{1,15}$/.test(contentLength)) throw new Http1ProtocolError(`invalid content-length "${contentLength}"`);
      this.remaining = Number(contentLength);
      this.state = this.remaining > 0 ? State.FixedBody : State.Idle;
    } else {
      this.state = State.BodyUntilClose;
      keepAlive = false;
    }
    const hint = keepAlive ? /timeout=(\d+)/i.exec(String(headers['keep-alive'] ?? '')) : null;
    const head = { status, headers, keepAlive, keepAliveTimeoutMs: hint ? Number(hint[1]) * 1000 : undefined };
    const complete = this.state === State.Idle;
    this.events.onHead(head);
    if (complete) this.complete(undefined);
  }

  private complete(trailers: IncomingHttpHeaders | undefined): void {
    this.state = State.Idle;
    this.completed = true;
    this.events.onComplete(trailers);
  }
}

/** Header lines into `into` (lower-case names; repeats joined with ", ", set-cookie kept as a list). */
function parseFields(lines: readonly string[], from: number, into: IncomingHttpHeaders): void {
  const fields = into as Record<string, string | string[] | undefined>;
  for (let index = from; index < lines.length; index++) {
    const line = lines[index];
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon) : '';
    if (!TOKEN.test(name)) throw new Http1ProtocolError(`invalid header line "${line.slice(0, 64)}"`);
    const key = name.toLowerCase();
    const value = line.slice(colon + 1).trim();
    const existing = fields[key];
    if (existing === undefined) fields[key] = key === 'set-cookie' ? [value] : value;
    else if (key === 'set-cookie') (existing as string[]).push(value);
    else if (key === 'content-length') {
      if (existing !== value) throw new Http1ProtocolError('conflicting content-length headers');
    } else if (!SINGLE_VALUED.has(key)) fields[key] = `${existing as string}, ${value}`;
  }
}

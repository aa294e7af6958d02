import type { IncomingHttpHeaders } from 'node:http';

/** Envoy's default limit for a header block (max_request_headers_kb = 60). */
const MAX_HEAD_BYTES = 60 * 1024;
const CRLF_CRLF = Buffer.from('\r\n\r\n');
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Headers where a repeat is dropped rather than joined (Node's IncomingMessage rule, so matchers see the same). */
const SINGLE_VALUED = new Set([
  'age', 'authorization', 'content-length', 'content-type', 'etag', 'expires', 'from', 'host', 'if-modified-since',
  'if-unmodified-since', 'last-modified', 'location', 'max-forwards', 'proxy-authorization', 'referer', 'retry-after',
  'server', 'user-agent',
]);

export class Http1ProtocolError extends Error {
  readonly code = 'HPE_INVALID';
}

export interface BodyEvents {
  onBody(chunk: Buffer): void;
  /** The body is complete; chunked messages may carry trailers. */
  onComplete(trailers: IncomingHttpHeaders | undefined): void;
}

/** How the body after a head is delimited. */
export type BodyFraming = { kind: 'none' } | { kind: 'length'; length: number } | { kind: 'chunked' } | { kind: 'until-close' };

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
 * An incremental HTTP/1.x message parser: a head (start line and headers), then a body framed by content-length,
 * chunked transfer coding (with trailers) or the end of the connection. It is fed socket reads as they come, hands
 * body bytes on as views into them (no copies), and stops after each complete message so the caller decides what
 * the bytes behind it are.
 */
abstract class Http1Parser<Head> {
  private state = State.Idle;
  private pending: Buffer | undefined;
  private remaining = 0;

  constructor(
    private readonly events: BodyEvents & { onHead(head: Head): void },
    /** After a message: requests are followed by the next request's head, responses by nothing until asked. */
    private readonly afterMessage: State.Head | State.Idle,
  ) {}

  /** True while the body runs to the end of the connection (so the socket's end completes it). */
  get readsUntilClose(): boolean {
    return this.state === State.BodyUntilClose;
  }

  /** Whether part of a message has been read (a connection closing now cuts it short). */
  get midMessage(): boolean {
    return this.state !== State.Idle && (this.state !== State.Head || this.pending !== undefined);
  }

  /**
   * Parses `data` up to the end of one message and returns how many bytes it consumed (all of them unless a message
   * ended inside). Throws Http1ProtocolError on malformed input.
   */
  execute(data: Buffer): number {
    if (!this.pending) return this.run(data, 0);
    const carried = this.pending.length;
    const joined = Buffer.concat([this.pending, data]);
    this.pending = undefined;
    return this.run(joined, 0) - carried;
  }

  /** The connection ended: completes a body that runs to the close; false if a message was cut short. */
  finish(): boolean {
    if (this.state === State.BodyUntilClose) {
      this.complete(undefined);
      return true;
    }
    return !this.midMessage;
  }

  /** Waits for the next head. */
  protected armHead(): void {
    this.state = State.Head;
    this.pending = undefined;
  }

  /** Parses a head and how its body is framed, or undefined to keep reading heads (1xx responses). */
  protected abstract head(text: string): { head: Head; framing: BodyFraming } | undefined;

  private run(data: Buffer, start: number): number {
    let offset = start;
    while (offset < data.length) {
      switch (this.state) {
        case State.Idle:
          throw new Http1ProtocolError('data with no message expected');
        case State.Head: {
          const end = data.indexOf(CRLF_CRLF, offset);
          if (end < 0) {
            this.keep(data, offset, MAX_HEAD_BYTES, 'headers too large');
            return data.length;
          }
          if (end - offset > MAX_HEAD_BYTES) throw new Http1ProtocolError('headers too large');
          const parsed = this.head(data.toString('latin1', offset, end));
          offset = end + 4;
          if (!parsed) break;
          this.events.onHead(parsed.head);
          this.startBody(parsed.framing);
          if (this.betweenMessages()) return offset; // bodyless: one message done
          break;
        }
        case State.FixedBody: {
          const take = Math.min(this.remaining, data.length - offset);
          this.remaining -= take;
          const chunk = offset === 0 && take === data.length ? data : data.subarray(offset, offset + take);
          offset += take;
          this.events.onBody(chunk);
          if (this.remaining === 0) {
            this.complete(undefined);
            return offset;
          }
          break;
        }
        case State.ChunkSize: {
          const end = data.indexOf('\r\n', offset, 'latin1');
          if (end < 0) {
            this.keep(data, offset, 1024, 'chunk size line too long');
            return data.length;
          }
          const line = data.toString('latin1', offset, end);
          const semicolon = line.indexOf(';');
          const digits = (semicolon < 0 ? line : line.slice(0, semicolon)).trim();
          if (!/^[0-9a-fA-F]{1,12}$/.test(digits)) throw new Http1ProtocolError(`invalid chunk size "${digits.slice(0, 16)}"`);
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
          if (data.length - offset < 2) {
            this.keep(data, offset, 2, '');
            return data.length;
          }
          if (data[offset] !== 13 || data[offset + 1] !== 10) throw new Http1ProtocolError('chunk data not followed by CRLF');
          offset += 2;
          this.state = State.ChunkSize;
          break;
        }
        case State.Trailers: {
          if (data.length - offset >= 2 && data[offset] === 13 && data[offset + 1] === 10) {
            this.complete(undefined);
            return offset + 2;
          }
          const end = data.indexOf(CRLF_CRLF, offset);
          if (end < 0) {
            this.keep(data, offset, MAX_HEAD_BYTES, 'trailers too large');
            return data.length;
          }
          const trailers: IncomingHttpHeaders = {};
          parseFields(data.toString('latin1', offset, end).split('\r\n'), 0, trailers);
          this.complete(trailers);
          return end + 4;
        }
        case State.BodyUntilClose:
          this.events.onBody(offset === 0 ? data : data.subarray(offset));
          return data.length;
      }
    }
    return offset;
  }

  private betweenMessages(): boolean {
    return this.state === State.Idle || this.state === State.Head;
  }

  private startBody(framing: BodyFraming): void {
    switch (framing.kind) {
      case 'length':
        this.remaining = framing.length;
        this.state = framing.length > 0 ? State.FixedBody : State.Idle;
        break;
      case 'chunked':
        this.state = State.ChunkSize;
        break;
      case 'until-close':
        this.state = State.BodyUntilClose;
        break;
      default:
        this.state = State.Idle;
    }
    if (this.state === State.Idle) this.complete(undefined);
  }

  private keep(data: Buffer, offset: number, limit: number, tooLarge: string): void {
    if (data.length - offset > limit) throw new Http1ProtocolError(tooLarge);
    this.pending = offset === 0 ? data : data.subarray(offset);
  }

  private complete(trailers: IncomingHttpHeaders | undefined): void {
    this.state = this.afterMessage;
    this.events.onComplete(trailers);
  }
}

// ---------------------------------------------------------------- responses (the upstream side)

export interface ResponseHead {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** Whether the connection may carry another request after this response. */
  readonly keepAlive: boolean;
  /** The server's `keep-alive: timeout=N` hint in ms (it closes idle connections after that), if given. */
  readonly keepAliveTimeoutMs: number | undefined;
}

export interface ResponseEvents extends BodyEvents {
  /** The final (non-1xx) response head. */
  onHead(head: ResponseHead): void;
}

/** Responses to the requests we send upstream; 1xx interim responses are skipped. */
export class Http1ResponseParser extends Http1Parser<ResponseHead> {
  private bodyless = false;

  constructor(events: ResponseEvents) {
    super(events, State.Idle);
  }

  /** Arms the parser for the response to the next request; HEAD responses carry no body whatever their headers say. */
  expect(method: string): void {
    this.bodyless = method === 'HEAD';
    this.armHead();
  }

  protected head(text: string): { head: ResponseHead; framing: BodyFraming } | undefined {
    const lines = text.split('\r\n');
    const statusLine = lines[0];
    if (!/^HTTP\/1\.[01] \d{3}(?: |$)/.test(statusLine)) throw new Http1ProtocolError(`invalid status line "${statusLine.slice(0, 64)}"`);
    const status = Number(statusLine.slice(9, 12));
    const headers: IncomingHttpHeaders = {};
    parseFields(lines, 1, headers);
    if (status < 200) {
      if (status === 101) throw new Http1ProtocolError('unexpected 101 Switching Protocols');
      return undefined; // 100 Continue, 103 Early Hints: wait for the final response
    }
    let keepAlive = wantsKeepAlive(statusLine.charCodeAt(7) === 48, headers);
    let framing: BodyFraming;
    if (this.bodyless || status === 204 || status === 304) framing = { kind: 'none' };
    else {
      framing = messageFraming(headers) ?? { kind: 'until-close' };
      // Both framings: transfer-encoding wins and the connection is not trusted further (RFC 9112 6.3).
      if (headers['transfer-encoding'] !== undefined && headers['content-length'] !== undefined) keepAlive = false;
      if (framing.kind === 'until-close') keepAlive = false;
    }
    const hint = keepAlive ? /timeout=(\d+)/i.exec(String(headers['keep-alive'] ?? '')) : null;
    return { head: { status, headers, keepAlive, keepAliveTimeoutMs: hint ? Number(hint[1]) * 1000 : undefined }, framing };
  }
}

// ---------------------------------------------------------------- requests (the downstream side)

export interface RequestHead {
  readonly method: string;
  readonly url: string;
  readonly versionMinor: 0 | 1;
  readonly headers: IncomingHttpHeaders;
  readonly keepAlive: boolean;
  /** `connection: upgrade` with an `upgrade` header (WebSocket): the bytes after the head belong to that protocol. */
  readonly upgrade: boolean;
  readonly expectContinue: boolean;
}

export interface RequestEvents extends BodyEvents {
  onHead(head: RequestHead): void;
}

const METHOD = /^[A-Z]{1,20}$/;

/**
 * Requests from downstream clients. Strict where leniency enables request smuggling: a request with both
 * content-length and transfer-encoding, a transfer-encoding other than chunked, or a malformed length is refused.
 */
export class Http1RequestParser extends Http1Parser<RequestHead> {
  constructor(events: RequestEvents) {
    super(events, State.Head);
    this.armHead();
  }

  protected head(text: string): { head: RequestHead; framing: BodyFraming } {
    const lines = text.split('\r\n');
    const requestLine = lines[0];
    const firstSpace = requestLine.indexOf(' ');
    const lastSpace = requestLine.lastIndexOf(' ');
    const method = requestLine.slice(0, firstSpace);
    const url = requestLine.slice(firstSpace + 1, lastSpace);
    const version = requestLine.slice(lastSpace + 1);
    if (firstSpace <= 0 || lastSpace <= firstSpace || !METHOD.test(method) || url.length === 0 || /[\s\0]/.test(url) || (version !== 'HTTP/1.1' && version !== 'HTTP/1.0')) {
      throw new Http1ProtocolError(`invalid request line "${requestLine.slice(0, 64)}"`);
    }
    const headers: IncomingHttpHeaders = {};
    parseFields(lines, 1, headers);
    const http10 = version === 'HTTP/1.0';
    if (headers['transfer-encoding'] !== undefined && headers['content-length'] !== undefined) {
      throw new Http1ProtocolError('both content-length and transfer-encoding');
    }
    const framing = messageFraming(headers) ?? { kind: 'none' };
    if (framing.kind === 'until-close') throw new Http1ProtocolError(`unsupported transfer-encoding "${String(headers['transfer-encoding'])}"`);
    const connection = String(headers['connection'] ?? '').toLowerCase();
    const head: RequestHead = {
      method,
      url,
      versionMinor: http10 ? 0 : 1,
      headers,
      keepAlive: wantsKeepAlive(http10, headers),
      upgrade: headers['upgrade'] !== undefined && connection.includes('upgrade'),
      expectContinue: !http10 && String(headers['expect'] ?? '').toLowerCase() === '100-continue',
    };
    return { head, framing };
  }
}

/** The body framing the headers declare; undefined when they declare none. A non-chunked transfer coding runs to the close. */
function messageFraming(headers: IncomingHttpHeaders): BodyFraming | undefined {
  const transferEncoding = headers['transfer-encoding'];
  if (transferEncoding !== undefined) {
    return /(?:^|,)\s*chunked\s*$/i.test(transferEncoding) ? { kind: 'chunked' } : { kind: 'until-close' };
  }
  const contentLength = headers['content-length'];
  if (contentLength === undefined) return undefined;
  if (!/^\d{1,15}$/.test(contentLength)) throw new Http1ProtocolError(`invalid content-length "${contentLength.slice(0, 32)}"`);
  return { kind: 'length', length: Number(contentLength) };
}

function wantsKeepAlive(http10: boolean, headers: IncomingHttpHeaders): boolean {
  const connection = String(headers['connection'] ?? '').toLowerCase();
  return http10 ? connection.includes('keep-alive') : !connection.includes('close');
}

/** Header lines into `into` (lower-case names; repeats joined as Node does: set-cookie as a list, cookie with "; "). */
function parseFields(lines: readonly string[], from: number, into: IncomingHttpHeaders): void {
  const fields = into as Record<string, string | string[] | undefined>;
  for (let index = from; index < lines.length; index++) {
    const line = lines[index];
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon) : '';
    if (!TOKEN.test(name)) throw new Http1ProtocolError(`invalid header line "${line.slice(0, 64)}"`);
    const key = name.toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (value.includes('\0')) throw new Http1ProtocolError(`invalid character in header "${key}"`);
    const existing = fields[key];
    if (existing === undefined) fields[key] = key === 'set-cookie' ? [value] : value;
    else if (key === 'set-cookie') (existing as string[]).push(value);
    else if (key === 'content-length') {
      if (existing !== value) throw new Http1ProtocolError('conflicting content-length headers');
    } else if (key === 'cookie') fields[key] = `${existing as string}; ${value}`;
    else if (!SINGLE_VALUED.has(key)) fields[key] = `${existing as string}, ${value}`;
  }
}

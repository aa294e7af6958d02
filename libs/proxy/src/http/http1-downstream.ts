import { EventEmitter } from 'node:events';
import { STATUS_CODES, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { Readable, type Duplex } from 'node:stream';
import type { RequestHead } from '../codec/http1-parser';
import { headerLines, httpDate } from '../codec/http1-serialize';

/**
 * A downstream HTTP/1.x request as the HTTP filters see it: the head's fields plus the body as a Readable (so a body
 * that arrives before anyone reads it is buffered, and a slow reader pauses the socket).
 */
export class Http1IncomingRequest extends Readable {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly httpVersionMajor = 1;
  readonly httpVersionMinor: 0 | 1;
  /** The whole body has been received. */
  complete = false;
  trailers: IncomingHttpHeaders = {};

  constructor(
    head: RequestHead,
    /** A net or TLS socket, or a replay stream that carries the same address fields (as with Node's IncomingMessage). */
    readonly socket: Socket,
    private readonly resumeSocket: () => void,
  ) {
    super();
    this.method = head.method;
    this.url = head.url;
    this.headers = head.headers;
    this.httpVersionMinor = head.versionMinor;
  }

  override _read(): void {
    this.resumeSocket();
  }
}

/** What a response needs from its connection. */
export interface ResponseChannel {
  readonly socket: Duplex;
  /** The response is on the wire (or failed): the connection may take the next request or close. */
  responseDone(response: Http1OutgoingResponse, keepAlive: boolean): void;
}

const EMPTY = Buffer.alloc(0);

const enum Framing {
  None,
  Length,
  Chunked,
  UntilClose,
}

/**
 * A downstream HTTP/1.x response: the part of Node's ServerResponse the HTTP filters use. The head goes out with the
 * first body bytes (one write); without a content-length the body is chunked (HTTP/1.1, with trailers) or runs to the
 * close (HTTP/1.0). 'close' fires once the response is flushed or the connection died first.
 */
export class Http1OutgoingResponse extends EventEmitter {
  statusCode = 200;
  headersSent = false;
  writableFinished = false;
  private headers: OutgoingHttpHeaders | undefined;
  private head: string | undefined;
  private framing = Framing.None;
  private keepAlive: boolean;
  private ended = false;
  private closed = false;
  private trailers: OutgoingHttpHeaders | undefined;
  private awaitingDrain = false;

  constructor(
    private readonly channel: ResponseChannel,
    private readonly request: { readonly method: string; readonly versionMinor: 0 | 1; readonly keepAlive: boolean },
  ) {
    super();
    this.keepAlive = request.keepAlive;
  }

  get destroyed(): boolean {
    return this.closed && !this.writableFinished;
  }

  writeHead(status: number, headers: OutgoingHttpHeaders): this {
    if (this.headersSent) throw Object.assign(new Error('response head already sent'), { code: 'ERR_HTTP_HEADERS_SENT' });
    this.statusCode = status;
    this.headers = headers;
    this.headersSent = true;
    return this;
  }

  getHeaders(): OutgoingHttpHeaders {
    return this.headers ?? {};
  }

  addTrailers(trailers: OutgoingHttpHeaders): void {
    this.trailers = { ...this.trailers, ...trailers };
  }

  write(chunk: Buffer): boolean {
    const socket = this.channel.socket;
    if (this.ended || this.closed) return true;
    if (this.head === undefined) this.head = this.serializeHead(undefined);
    if (this.framing === Framing.None || chunk.length === 0) return true;
    socket.cork();
    if (this.head) {
      socket.write(this.head, 'latin1');
      this.head = '';
    }
    if (this.framing === Framing.Chunked) socket.write(`${chunk.length.toString(16)}\r\n`, 'latin1');
    socket.write(chunk);
    if (this.framing === Framing.Chunked) socket.write('\r\n', 'latin1');
    socket.uncork();
    if (!socket.writableNeedDrain) return true;
    // One forwarder per stall: writes that come before the socket drains must not stack listeners.
    if (!this.awaitingDrain) {
      this.awaitingDrain = true;
      socket.once('drain', () => {
        this.awaitingDrain = false;
        this.emit('drain');
      });
    }
    return false;
  }

  end(chunk?: Buffer | string): this {
    if (this.ended || this.closed) return this;
    const body = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const socket = this.channel.socket;
    socket.cork();
    // A response given whole to end() gets a content-length instead of chunking.
    if (this.head === undefined) this.head = this.serializeHead(body ?? EMPTY);
    if (body && body.length > 0) this.write(body);
    this.ended = true;
    let tail = this.head;
    this.head = '';
    if (this.framing === Framing.Chunked) tail += `0\r\n${this.trailers ? headerLines(this.trailers) : ''}\r\n`;
    if (tail) socket.write(tail, 'latin1', () => this.flushed());
    // Nothing left to send: done once what is queued is with the kernel (no empty write, which costs a syscall).
    else if (socket.writableLength === 0) process.nextTick(() => this.flushed());
    else socket.write(EMPTY, () => this.flushed());
    socket.uncork();
    return this;
  }

  destroy(): this {
    this.channel.socket.destroy();
    return this;
  }

  /** The connection closed: a response not yet flushed is cut off. */
  connectionClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.emit('close');
  }

  private flushed(): void {
    if (this.closed) return;
    this.writableFinished = true;
    this.closed = true;
    this.emit('finish');
    this.emit('close');
    this.channel.responseDone(this, this.keepAlive);
  }

  /** The status line and headers with the framing decided; `wholeBody` is the body when end() carries all of it. */
  private serializeHead(wholeBody: Buffer | undefined): string {
    const headers = this.headers ?? {};
    const status = this.statusCode;
    const bodyless = this.request.method === 'HEAD' || status === 204 || status === 304 || status < 200;
    let extra = '';
    if (headers['content-length'] !== undefined) this.framing = bodyless ? Framing.None : Framing.Length;
    else if (bodyless) this.framing = Framing.None;
    else if (wholeBody !== undefined) {
      this.framing = Framing.Length;
      extra += `content-length: ${wholeBody.length}\r\n`;
    } else if (this.request.versionMinor === 1) {
      this.framing = Framing.Chunked;
      extra += 'transfer-encoding: chunked\r\n';
    } else {
      this.framing = Framing.UntilClose;
      this.keepAlive = false;
    }
    const connection = headers['connection'];
    if (typeof connection === 'string' && connection.toLowerCase().includes('close')) this.keepAlive = false;
    if (connection === undefined) {
      if (!this.keepAlive) extra += 'connection: close\r\n';
      else if (this.request.versionMinor === 0) extra += 'connection: keep-alive\r\n';
    }
    if (headers['date'] === undefined) extra += `date: ${httpDate()}\r\n`;
    const skip = (name: string) => name === 'transfer-encoding' || (name === 'content-length' && bodyless && this.request.method !== 'HEAD' && status !== 304);
    return `HTTP/1.${this.request.versionMinor} ${status} ${STATUS_CODES[status] ?? 'Unknown'}\r\n${headerLines(headers, skip)}${extra}\r\n`;
  }
}

import { EventEmitter } from 'node:events';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { Http1ProtocolError, Http1ResponseParser, type ResponseHead } from '../codec/http1-parser';
import { serializeRequestHead } from '../codec/http1-serialize';

/** How an upstream request failed before its response head: never connected, or cut off afterwards. */
export type Http1FailureKind = 'connect' | 'reset';

/** One request's view of the connection that carries it. */
export interface Http1Exchange {
  onHead(status: number, headers: IncomingHttpHeaders, body: Http1ResponseBody): void;
  onFailure(kind: Http1FailureKind, error: Error): void;
}

/** What the pool learns from its connections. */
export interface Http1ConnectionOwner {
  /** The response finished and the connection can take another request. */
  reusable(connection: Http1Connection, keepAliveTimeoutMs: number | undefined): void;
  closed(connection: Http1Connection): void;
}

const CONNECT_ERRORS = new Set(['ECONNREFUSED', 'ECONNTIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * The upstream response body: the part of a Readable the forwarder uses ('data', 'end', 'error', 'close', pause,
 * resume), plus 'trailers' before 'end' when a chunked body has them, as an HTTP/2 stream reports them. Pausing it
 * pauses the socket, which is how downstream backpressure reaches the upstream.
 */
export class Http1ResponseBody extends EventEmitter {
  readableEnded = false;

  constructor(private readonly connection: Http1Connection) {
    super();
  }

  pause(): this {
    this.connection.socket.pause();
    return this;
  }

  resume(): this {
    this.connection.socket.resume();
    return this;
  }

  destroy(): this {
    if (!this.readableEnded) this.connection.destroy();
    return this;
  }
}

/**
 * The request body on its way to the upstream: the head goes out with the first body bytes (one write), and bodies
 * without a content-length are sent chunked.
 */
export class Http1RequestBody {
  private head: string | undefined;
  private finished = false;

  constructor(
    private readonly connection: Http1Connection,
    head: string,
    private readonly chunked: boolean,
  ) {
    this.head = head;
  }

  get destroyed(): boolean {
    return this.connection.socket.destroyed;
  }

  write(chunk: Buffer): boolean {
    const socket = this.connection.socket;
    if (this.finished || socket.destroyed || chunk.length === 0) return true;
    const head = this.head;
    this.head = undefined;
    if (head === undefined && !this.chunked) return socket.write(chunk);
    socket.cork();
    if (head !== undefined) socket.write(head, 'latin1');
    if (this.chunked) socket.write(`${chunk.length.toString(16)}\r\n`, 'latin1');
    socket.write(chunk);
    if (this.chunked) socket.write('\r\n', 'latin1');
    socket.uncork();
    return !socket.writableNeedDrain;
  }

  end(): void {
    if (this.finished) return;
    this.finished = true;
    const socket = this.connection.socket;
    if (!socket.destroyed) {
      const tail = this.chunked ? '0\r\n\r\n' : '';
      const out = (this.head ?? '') + tail;
      this.head = undefined;
      if (out) socket.write(out, 'latin1');
    }
    this.connection.requestEnded();
  }

  once(event: 'drain', listener: () => void): this {
    this.connection.socket.once(event, listener);
    return this;
  }
}

/**
 * One keep-alive HTTP/1.1 connection to an upstream host: it carries one request at a time, parses the response
 * and tells its pool when it can be reused or has closed.
 */
export class Http1Connection {
  /** Requests started on this connection (for max_requests_per_connection). */
  served = 0;
  /** Set by the pool while the connection sits idle. */
  idleSince = 0;
  idleLimitMs = 0;
  private connected = false;
  private exchange: Http1Exchange | undefined;
  private body: Http1ResponseBody | undefined;
  private requestDone = false;
  private responseKeepAlive = false;
  private keepAliveTimeoutMs: number | undefined;
  private readonly parser: Http1ResponseParser;

  constructor(
    readonly socket: Socket,
    readonly hostKey: string,
    private readonly owner: Http1ConnectionOwner,
    tls: boolean,
  ) {
    this.parser = new Http1ResponseParser({
      onHead: (head) => this.onHead(head),
      onBody: (chunk) => this.body?.emit('data', chunk),
      onComplete: (trailers) => this.onComplete(trailers),
    });
    socket.once(tls ? 'secureConnect' : 'connect', () => (this.connected = true));
    socket.on('data', (data: Buffer) => {
      try {
        // Bytes behind a complete response answer nothing we sent.
        if (this.parser.execute(data) < data.length) throw new Http1ProtocolError('data after the end of the response');
      } catch (error: unknown) {
        this.fail(error as Error);
      }
    });
    socket.once('end', () => {
      if (this.parser.readsUntilClose) this.parser.finish();
      socket.destroy();
    });
    socket.on('error', (error: Error) => this.fail(error));
    socket.once('close', () => {
      this.fail(Object.assign(new Error('upstream connection closed'), { code: 'ECONNRESET' }));
      this.owner.closed(this);
    });
  }

  /** True once a request has been carried (a failure before any byte may then be a stale keep-alive connection). */
  get reused(): boolean {
    return this.served > 1;
  }

  /** Starts a request; the caller writes the body (or just ends it) through the returned sink. */
  send(method: string, request: EncodedRequestHead, exchange: Http1Exchange): Http1RequestBody {
    this.served++;
    this.exchange = exchange;
    this.body = undefined;
    this.requestDone = false;
    this.parser.expect(method);
    return new Http1RequestBody(this, request.head, request.chunked);
  }

  /** Cancels the request in flight (timeouts, downstream gone): the connection cannot be reused. */
  abort(): void {
    this.exchange = undefined;
    this.destroy();
  }

  destroy(): void {
    this.socket.destroy();
  }

  /** The request body was fully written. */
  requestEnded(): void {
    this.requestDone = true;
    if (this.exchange === undefined && this.body?.readableEnded) this.recycle();
  }

  private onHead(head: ResponseHead): void {
    const exchange = this.exchange;
    if (!exchange) return;
    this.responseKeepAlive = head.keepAlive;
    this.keepAliveTimeoutMs = head.keepAliveTimeoutMs;
    this.body = new Http1ResponseBody(this);
    exchange.onHead(head.status, head.headers, this.body);
  }

  private onComplete(trailers: IncomingHttpHeaders | undefined): void {
    const body = this.body;
    this.exchange = undefined;
    if (!body) return;
    body.readableEnded = true;
    if (trailers && Object.keys(trailers).length > 0) body.emit('trailers', trailers);
    body.emit('end');
    body.emit('close');
    if (this.requestDone) this.recycle();
  }

  private recycle(): void {
    if (this.socket.destroyed || this.exchange !== undefined) return;
    if (!this.responseKeepAlive) {
      this.destroy();
      return;
    }
    this.body = undefined;
    this.socket.resume(); // a pause for downstream backpressure must not outlive the response
    this.owner.reusable(this, this.keepAliveTimeoutMs);
  }

  private fail(error: Error): void {
    const exchange = this.exchange;
    const body = this.body;
    this.exchange = undefined;
    this.socket.destroy();
    if (body && !body.readableEnded) {
      body.readableEnded = true;
      // A body being discarded (before a retry) has no listeners; an unheard 'error' must not throw.
      if (body.listenerCount('error') > 0) body.emit('error', error);
      body.emit('close');
    } else if (exchange && !body) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      const connectFailure = !this.connected || CONNECT_ERRORS.has(code) || (!this.reused && code === 'ECONNRESET' && !this.requestDone);
      exchange.onFailure(connectFailure ? 'connect' : 'reset', error);
    }
  }
}

export interface EncodedRequestHead {
  readonly head: string;
  /** The body is sent with chunked transfer coding (it has no content-length). */
  readonly chunked: boolean;
}

/** The request head as it goes on the wire, with the body framing decided from the method and headers. */
export function encodeRequestHead(method: string, path: string, headers: OutgoingHttpHeaders): EncodedRequestHead {
  const chunked = headers['content-length'] === undefined && hasBody(method, headers);
  return { head: serializeRequestHead(method, path, headers, chunked ? 'chunked' : undefined), chunked };
}

/** Whether a request without content-length still has a body to send (then chunked), as Node's client decides. */
function hasBody(method: string, headers: OutgoingHttpHeaders): boolean {
  if (headers['transfer-encoding'] !== undefined) return true;
  return !(method === 'GET' || method === 'HEAD' || method === 'DELETE' || method === 'OPTIONS' || method === 'TRACE' || method === 'CONNECT');
}

import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { Http1ProtocolError, Http1RequestParser, type RequestHead } from '../codec/http1-parser';
import { closingResponse } from '../codec/http1-serialize';
import { Http1IncomingRequest, Http1OutgoingResponse, type ResponseChannel } from './http1-downstream';

export interface Http1ServerOptions {
  /** Close a keep-alive connection idle this long. */
  readonly keepAliveTimeoutMs: number;
  /** A request must be fully received within this (0: no limit). */
  readonly requestTimeoutMs: number;
  /** A request head must be received within this. */
  readonly headersTimeoutMs: number;
  onRequest(request: Http1IncomingRequest, response: Http1OutgoingResponse): void;
  /** `connection: upgrade` requests get the raw socket and the bytes read past the head. */
  onUpgrade(request: Http1IncomingRequest, socket: Duplex, head: Buffer): void;
}

/** How often connections are checked against the timeouts (Node's server checks every 30 s; a proxy is stricter). */
const TIMEOUT_SWEEP_MS = 1000;

const enum Phase {
  /** Waiting for (the rest of) a request head. */
  Head,
  /** A request is being received or answered. */
  Active,
  /** Keep-alive: between requests. */
  Idle,
}

/**
 * The downstream HTTP/1.x codec: parses requests off accepted sockets, hands each to the filters with a response
 * object, answers them in order (pipelined requests wait for the one before), keeps connections alive, and enforces
 * the header, request and keep-alive timeouts. Malformed requests get 400 (431 for oversized heads) and a close.
 */
export class Http1Server {
  private readonly connections = new Set<Http1ServerConnection>();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(readonly options: Http1ServerOptions) {}

  accept(socket: Duplex): void {
    const connection = new Http1ServerConnection(socket, this);
    this.connections.add(connection);
    socket.once('close', () => this.connections.delete(connection));
    this.sweeper ??= setInterval(() => this.sweep(), TIMEOUT_SWEEP_MS).unref();
  }

  /** An upgraded connection leaves HTTP (and its timeouts). */
  forget(connection: Http1ServerConnection): void {
    this.connections.delete(connection);
  }

  /** Closes connections that are between requests (the drain path: busy ones close after their response). */
  closeIdleConnections(): void {
    for (const connection of this.connections) connection.closeIfIdle();
  }

  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
  }

  private sweep(): void {
    const now = Date.now();
    for (const connection of this.connections) connection.checkTimeouts(now);
    if (this.connections.size === 0 && this.sweeper) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  }
}

class Http1ServerConnection implements ResponseChannel {
  private readonly parser: Http1RequestParser;
  private phase = Phase.Head;
  private phaseSince = Date.now();
  private request: Http1IncomingRequest | undefined;
  private response: Http1OutgoingResponse | undefined;
  private upgrading: RequestHead | undefined;
  /** Bytes of pipelined requests that wait for the current response. */
  private backlog: Buffer | undefined;
  private pausedForBody = false;
  private readonly onData = (data: Buffer) => this.feed(data);

  constructor(
    readonly socket: Duplex,
    private readonly server: Http1Server,
  ) {
    this.parser = new Http1RequestParser({
      onHead: (head) => this.onHead(head),
      onBody: (chunk) => {
        if (this.request && !this.request.push(chunk)) this.pauseForBody();
      },
      onComplete: (trailers) => this.onRequestComplete(trailers),
    });
    socket.on('data', this.onData);
    socket.on('error', ignore); // resets by clients are routine; 'close' cleans up
    socket.once('end', this.onEnd);
    socket.once('close', this.onClose);
  }

  private readonly onEnd = () => {
    // The client is done sending: finish the response in flight, then close.
    if (!this.response) this.socket.end();
  };

  private readonly onClose = () => {
    this.request?.destroy();
    this.response?.connectionClosed();
  };

  responseDone(response: Http1OutgoingResponse, keepAlive: boolean): void {
    if (response !== this.response) return;
    this.response = undefined;
    const socket = this.socket;
    if (!keepAlive || socket.readableEnded) {
      socket.end();
      return;
    }
    if (this.request && !this.request.complete) return; // the rest of its body is still coming
    this.request = undefined;
    this.nextRequest();
  }

  closeIfIdle(): void {
    if (this.phase === Phase.Idle && !this.backlog) this.socket.end();
  }

  checkTimeouts(now: number): void {
    const options = this.server.options;
    const elapsed = now - this.phaseSince;
    if (this.phase === Phase.Idle && elapsed > options.keepAliveTimeoutMs) this.socket.destroy();
    else if (this.phase === Phase.Head && elapsed > options.headersTimeoutMs) this.reject(408);
    else if (this.phase === Phase.Active && options.requestTimeoutMs > 0 && elapsed > options.requestTimeoutMs && this.request && !this.request.complete) {
      this.reject(408);
    }
  }

  private feed(data: Buffer): void {
    if (this.response && this.request?.complete) {
      // Pipelining: the next request waits until this response is out.
      this.backlog = this.backlog ? Buffer.concat([this.backlog, data]) : data;
      this.socket.pause();
      return;
    }
    if (this.phase === Phase.Idle) this.enter(Phase.Head);
    let offset = 0;
    try {
      while (offset < data.length) {
        offset += this.parser.execute(offset === 0 ? data : data.subarray(offset));
        if (this.upgrading) {
          this.handUpgrade(data.subarray(offset));
          return;
        }
        if (offset < data.length && this.response) {
          this.backlog = data.subarray(offset);
          this.socket.pause();
          return;
        }
      }
    } catch (error: unknown) {
      const tooLarge = error instanceof Http1ProtocolError && error.message.includes('too large');
      this.reject(tooLarge ? 431 : 400);
    }
  }

  private onHead(head: RequestHead): void {
    this.enter(Phase.Active);
    const request = new Http1IncomingRequest(head, this.socket as Socket, () => this.resumeForBody());
    if (head.upgrade) {
      this.upgrading = head;
      this.request = request;
      return;
    }
    if (head.method === 'CONNECT') throw new Http1ProtocolError('CONNECT is not supported');
    const response = new Http1OutgoingResponse(this, head);
    this.request = request;
    this.response = response;
    if (head.expectContinue) this.socket.write('HTTP/1.1 100 Continue\r\n\r\n', 'latin1');
    this.server.options.onRequest(request, response);
  }

  private onRequestComplete(trailers: IncomingHttpHeaders | undefined): void {
    const request = this.request;
    if (!request) return;
    if (trailers) request.trailers = trailers;
    request.complete = true;
    request.push(null);
    // Bytes after this request belong to the next one, which the pipelining rules govern, not this body's reader.
    this.pausedForBody = false;
    if (!this.response && !this.upgrading) {
      // Its response went out before the body was in: the connection is free now.
      this.request = undefined;
      this.enter(Phase.Idle);
    }
  }

  private nextRequest(): void {
    this.enter(Phase.Idle);
    const backlog = this.backlog;
    this.backlog = undefined;
    if (!this.pausedForBody) this.socket.resume();
    if (backlog) this.feed(backlog);
  }

  private handUpgrade(rest: Buffer): void {
    const request = this.request;
    const socket = this.socket;
    // From here the socket belongs to the upgraded protocol; paused until the upgrade handler pipes it.
    socket.pause();
    socket.removeListener('data', this.onData);
    socket.removeListener('end', this.onEnd);
    socket.removeListener('close', this.onClose);
    this.server.forget(this);
    this.upgrading = undefined;
    this.request = undefined;
    if (request) this.server.options.onUpgrade(request, socket, Buffer.from(rest));
  }

  private pauseForBody(): void {
    this.pausedForBody = true;
    this.socket.pause();
  }

  private resumeForBody(): void {
    if (!this.pausedForBody) return;
    this.pausedForBody = false;
    if (!this.backlog) this.socket.resume();
  }

  /** Answers a request the codec cannot take, then closes (the connection's framing can no longer be trusted). */
  private reject(status: number): void {
    const socket = this.socket;
    socket.removeListener('data', this.onData);
    if (this.response?.headersSent || !socket.writable) {
      socket.destroy();
      return;
    }
    this.response = undefined;
    socket.end(closingResponse(status), 'latin1');
    setTimeout(() => socket.destroy(), 1000).unref();
  }

  private enter(phase: Phase): void {
    this.phase = phase;
    this.phaseSince = Date.now();
  }
}

function ignore(): void {
  // see the 'error' listener
}

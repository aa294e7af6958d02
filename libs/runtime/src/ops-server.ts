import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { Logger } from './logging';
import { Readiness } from './readiness';
import { BuildInfo } from './version';

export interface OpsServerOptions {
  readonly logger: Logger;
  readonly registry: Registry;
  readonly readiness: Readiness;
  readonly info: BuildInfo;
}

/** What an ops handler sees of a request. */
export interface OpsRequest {
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The caller's address; undefined for injected requests. */
  readonly remoteAddress?: string;
}

/** An explicit answer; a handler may also return any other value, which is sent as JSON with status 200. */
export class OpsReply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly contentType?: string,
    /** Runs once the answer is written (e.g. shut down only after the caller got its OK). */
    readonly afterSend?: () => void,
  ) {}
}

/** `text/plain` answer with a status. */
export const textReply = (status: number, text: string, afterSend?: () => void) => new OpsReply(status, text, 'text/plain; charset=utf-8', afterSend);

export type OpsHandler = (request: OpsRequest) => unknown;

/** What `inject` answers: the shape tests read. */
export interface InjectedResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  json<T = unknown>(): T;
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly afterSend?: () => void;
}

/**
 * A small HTTP server for operational routes (health, readiness, metrics, debug, the agent's status port) on
 * node:http: exact paths, or prefixes written `/prefix/*`; GET routes also answer HEAD. A framework would cost a
 * sidecar several MB of resident memory for a handful of routes.
 */
export class OpsServer {
  private readonly routes = new Map<string, OpsHandler>();
  private readonly prefixes: { method: string; prefix: string; handler: OpsHandler }[] = [];
  private server: Server | undefined;

  constructor(private readonly logger?: Logger) {}

  get(path: string, handler: OpsHandler): void {
    this.add('GET', path, handler);
  }

  post(path: string, handler: OpsHandler): void {
    this.add('POST', path, handler);
  }

  /** Binds; resolves with the bound port (useful with port 0). */
  async listen(options: { host: string; port: number }): Promise<number> {
    const server = createServer((request, response) => void this.serve(request, response));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return (server.address() as AddressInfo).port;
  }

  /** Stops accepting, lets requests in flight finish, closes idle keep-alive connections. */
  close(): Promise<void> {
    const server = this.server;
    if (!server) return Promise.resolve();
    this.server = undefined;
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }

  /** Answers a request without a socket (tests). */
  async inject(options: { method?: string; url: string; headers?: IncomingHttpHeaders }): Promise<InjectedResponse> {
    const answer = await this.answer({ method: options.method ?? 'GET', path: options.url.split('?')[0], headers: options.headers ?? {} });
    answer.afterSend?.();
    return { statusCode: answer.status, headers: answer.headers, body: answer.body, json: <T>() => JSON.parse(answer.body) as T };
  }

  private add(method: string, path: string, handler: OpsHandler): void {
    if (path.endsWith('/*')) this.prefixes.push({ method, prefix: path.slice(0, -1), handler });
    else this.routes.set(`${method} ${path}`, handler);
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const answer = await this.answer({
      method: request.method ?? 'GET',
      path: (request.url ?? '/').split('?')[0],
      headers: request.headers,
      remoteAddress: request.socket.remoteAddress,
    });
    if (answer.afterSend) response.once('finish', answer.afterSend);
    response.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
    response.end(answer.body);
    request.resume();
  }

  private async answer(request: OpsRequest): Promise<Answer> {
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const handler =
      this.routes.get(`${method} ${request.path}`) ??
      this.prefixes.find((route) => route.method === method && request.path.startsWith(route.prefix))?.handler;
    if (!handler) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `no route ${request.method} ${request.path}\n` };
    try {
      const result = await handler(request);
      const reply = result instanceof OpsReply ? result : new OpsReply(200, result);
      return {
        status: reply.status,
        headers: { 'content-type': reply.contentType ?? (typeof reply.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8') },
        body: typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? null),
        afterSend: reply.afterSend,
      };
    } catch (error: unknown) {
      this.logger?.error({ err: error, path: request.path }, 'ops route failed');
      return { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `${error instanceof Error ? error.message : String(error)}\n` };
    }
  }
}

/**
 * The operations HTTP surface every component has: `/healthz` (the process is alive), `/ready` (registered checks),
 * `/metrics` (Prometheus text) and `/version`. Components add their debug routes before listening.
 */
export function createOpsServer(options: OpsServerOptions): OpsServer {
  const server = new OpsServer(options.logger.child({ scope: 'ops' }));
  server.get('/healthz', () => ({ status: 'ok' }));
  server.get('/ready', () => {
    const report = options.readiness.report();
    return new OpsReply(report.ready ? 200 : 503, report);
  });
  server.get('/metrics', async () => new OpsReply(200, await options.registry.metrics(), options.registry.contentType));
  server.get('/version', () => options.info);
  return server;
}

/** `host:port`, `:port` (all interfaces) or a bare port → host and port to listen on. */
export function parseListenAddress(address: string): { host: string; port: number } {
  const colon = address.lastIndexOf(':');
  const hostPart = colon < 0 ? '' : address.slice(0, colon).replace(/^\[|\]$/g, '');
  const port = Number(colon < 0 ? address : address.slice(colon + 1));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid listen address "${address}": bad port`);
  return { host: hostPart === '' ? '0.0.0.0' : hostPart, port };
}

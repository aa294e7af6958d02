import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { constants as h2, type ClientHttp2Stream } from 'node:http2';
import type { ClusterRuntime } from '../upstream/cluster';
import type { Host } from '../upstream/host';
import { encodeRequestHead, type Http1Connection, type Http1ResponseBody } from '../upstream/http1-connection';
import type { BodyBuffer } from './body-buffer';

/** An upstream response body: from an HTTP/1.1 connection of ours, or an HTTP/2 stream. */
export type UpstreamStream = Http1ResponseBody | ClientHttp2Stream;

/** How one upstream attempt ended before its response was committed downstream. */
export type AttemptFailure = { kind: 'connect' | 'reset' | 'timeout' | 'refused'; error?: Error };

/** One request to one upstream host in flight. */
export interface Attempt {
  readonly host: Host;
  abort(): void;
}

export interface AttemptHandlers<Stream extends UpstreamStream> {
  onHead(status: number, headers: IncomingHttpHeaders, stream: Stream): void;
  onFailure(failure: AttemptFailure): void;
  /** The request got its connection or stream (it no longer counts as pending). */
  onConnection?(): void;
}

/**
 * One request over the cluster's HTTP/1.1 pool: the head is encoded first (a header value that would break the
 * framing fails the attempt), then the request waits for a connection under max_connections and its body is piped.
 */
export function sendHttp1(
  cluster: ClusterRuntime,
  host: Host,
  method: string,
  path: string,
  headers: OutgoingHttpHeaders,
  body: BodyBuffer,
  handlers: AttemptHandlers<Http1ResponseBody>,
): Attempt {
  let request: ReturnType<typeof encodeRequestHead>;
  try {
    request = encodeRequestHead(method, path, headers);
  } catch (error: unknown) {
    queueMicrotask(() => handlers.onFailure({ kind: 'reset', error: error as Error }));
    return { host, abort: () => undefined };
  }
  let connection: Http1Connection | undefined;
  const cancel = cluster.http1.acquire(host, (acquired) => {
    connection = acquired;
    handlers.onConnection?.();
    body.pipeTo(acquired.send(method, request, { onHead: handlers.onHead, onFailure: (kind, error) => handlers.onFailure({ kind, error }) }));
  });
  return {
    host,
    abort: () => {
      cancel();
      connection?.abort();
    },
  };
}

/** One request as a stream on the host's HTTP/2 session (gRPC and HTTP/2 clusters). */
export function sendHttp2(
  cluster: ClusterRuntime,
  host: Host,
  method: string,
  path: string,
  headers: OutgoingHttpHeaders,
  body: BodyBuffer,
  handlers: AttemptHandlers<ClientHttp2Stream>,
): Attempt {
  const session = cluster.http2.session(host);
  const outgoing: OutgoingHttpHeaders = {
    ':method': method,
    ':path': path,
    ':authority': String(headers.host ?? ''),
    ':scheme': cluster.config.tls ? 'https' : 'http',
  };
  for (const name in headers) if (name !== 'host') outgoing[name] = headers[name];
  let responded = false;
  let stream: ClientHttp2Stream;
  try {
    stream = session.request(outgoing, { endStream: false });
  } catch (error: unknown) {
    queueMicrotask(() => handlers.onFailure({ kind: 'connect', error: error as Error }));
    return { host, abort: () => undefined };
  }
  handlers.onConnection?.();
  stream.once('response', (responseHeaders) => {
    responded = true;
    handlers.onHead(Number(responseHeaders[':status'] ?? 502), responseHeaders as IncomingHttpHeaders, stream);
  });
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (responded) return;
    const refused = stream.rstCode === h2.NGHTTP2_REFUSED_STREAM;
    const connect = error.code === 'ECONNREFUSED' || error.code === 'ECONNTIMEOUT' || error.code === 'ERR_HTTP2_GOAWAY_SESSION';
    handlers.onFailure({ kind: refused ? 'refused' : connect ? 'connect' : 'reset', error });
  });
  stream.once('close', () => {
    if (!responded) handlers.onFailure({ kind: stream.rstCode === h2.NGHTTP2_REFUSED_STREAM ? 'refused' : 'reset' });
    responded = true;
  });
  body.pipeTo(stream);
  return {
    host,
    abort: () => {
      responded = true;
      stream.close(h2.NGHTTP2_CANCEL);
    },
  };
}

/** How long a mirrored request may take before it is abandoned (nobody waits for its answer). */
const MIRROR_TIMEOUT_MS = 10_000;

/** Fire-and-forget copy of the request to a mirror cluster, with `-shadow` appended to the host (Envoy's rule). */
export function sendMirror(cluster: ClusterRuntime | undefined, method: string, path: string, headers: OutgoingHttpHeaders, body: BodyBuffer): void {
  const host = cluster?.chooseHost(undefined);
  if (!cluster || !host) return;
  const authority = String(headers.host ?? '');
  const colon = authority.lastIndexOf(':');
  const shadowHost = colon > 0 ? `${authority.slice(0, colon)}-shadow${authority.slice(colon)}` : `${authority}-shadow`;
  // The timer fires long after `attempt` is assigned below.
  const timer = setTimeout(() => attempt.abort(), MIRROR_TIMEOUT_MS).unref();
  const done = () => clearTimeout(timer);
  const attempt = sendHttp1(cluster, host, method, path, { ...headers, host: shadowHost }, body, {
    onHead: (_status, _headers, response) => response.once('end', done).resume(),
    onFailure: done,
  });
}

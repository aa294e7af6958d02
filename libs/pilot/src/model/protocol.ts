/** Istio 1.3 protocols, as named on ServiceEntry/Gateway ports or derived from Kubernetes port-name prefixes. */
export type Protocol = 'HTTP' | 'HTTP2' | 'GRPC' | 'GRPC-Web' | 'HTTPS' | 'TCP' | 'TLS' | 'UDP' | 'Mongo' | 'Redis' | 'MySQL';

const BY_LOWER: Record<string, Protocol> = {
  http: 'HTTP',
  http2: 'HTTP2',
  grpc: 'GRPC',
  'grpc-web': 'GRPC-Web',
  https: 'HTTPS',
  tcp: 'TCP',
  tls: 'TLS',
  udp: 'UDP',
  mongo: 'Mongo',
  redis: 'Redis',
  mysql: 'MySQL',
};

/** Case-insensitive protocol name; unknown → TCP (Istio treats unrecognised protocols as opaque TCP). */
export function parseProtocol(value: string | undefined): Protocol {
  return BY_LOWER[(value ?? '').toLowerCase()] ?? 'TCP';
}

/** Kubernetes convention `<protocol>[-<suffix>]` (`http-web`, `grpc`, `tcp-db`); anything else is TCP. */
export function protocolFromPortName(name: string | undefined): Protocol {
  const lower = (name ?? '').toLowerCase();
  if (BY_LOWER[lower]) return BY_LOWER[lower];
  // grpc-web must win over grpc.
  if (lower.startsWith('grpc-web-')) return 'GRPC-Web';
  const dash = lower.indexOf('-');
  return dash > 0 ? (BY_LOWER[lower.slice(0, dash)] ?? 'TCP') : 'TCP';
}

/** Protocols terminated by the HTTP connection manager (routed by RDS). */
export function isHttpProtocol(protocol: Protocol): boolean {
  return protocol === 'HTTP' || protocol === 'HTTP2' || protocol === 'GRPC' || protocol === 'GRPC-Web';
}

/** Protocols that need HTTP/2 towards the upstream. */
export function isHttp2Protocol(protocol: Protocol): boolean {
  return protocol === 'HTTP2' || protocol === 'GRPC' || protocol === 'GRPC-Web';
}

/** TLS the proxy does not terminate: routed by SNI. */
export function isTlsPassthroughProtocol(protocol: Protocol): boolean {
  return protocol === 'HTTPS' || protocol === 'TLS';
}

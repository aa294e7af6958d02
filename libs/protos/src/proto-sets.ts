import { dirname, join } from 'node:path';

/** A group of protos generated and loaded together. */
export interface ProtoSet {
  readonly name: 'envoy' | 'istio';
  /** Root files; their imports come along. */
  readonly files: readonly string[];
}

/**
 * Envoy v3 xDS: discovery/ADS and every resource and extension type Pilot generates and the proxy consumes.
 * Pinned by the installed @grpc/grpc-js-xds version (package-lock.json).
 */
export const ENVOY_PROTO_FILES = [
  'envoy/service/discovery/v3/ads.proto',
  'envoy/service/discovery/v3/discovery.proto',
  'envoy/config/listener/v3/listener.proto',
  'envoy/config/route/v3/route.proto',
  'envoy/config/cluster/v3/cluster.proto',
  'envoy/config/endpoint/v3/endpoint.proto',
  'envoy/config/core/v3/base.proto',
  'envoy/extensions/filters/network/http_connection_manager/v3/http_connection_manager.proto',
  'envoy/extensions/filters/http/router/v3/router.proto',
  'envoy/extensions/filters/http/fault/v3/fault.proto',
  'envoy/extensions/filters/http/rbac/v3/rbac.proto',
  'envoy/extensions/filters/http/cors/v3/cors.proto',
  'envoy/extensions/transport_sockets/tls/v3/tls.proto',
  'envoy/extensions/filters/network/tcp_proxy/v3/tcp_proxy.proto',
  'envoy/extensions/filters/listener/tls_inspector/v3/tls_inspector.proto',
  'envoy/extensions/filters/listener/original_dst/v3/original_dst.proto',
  // Proxy (issue 7): access logs to files, upstream HTTP/2 options, and protocol sniffing on inbound listeners.
  'envoy/extensions/access_loggers/file/v3/file.proto',
  'envoy/extensions/upstreams/http/v3/http_protocol_options.proto',
  'envoy/extensions/filters/listener/http_inspector/v3/http_inspector.proto',
] as const;

/** Our own protos, written from the Istio 1.3 reference: MCP, Mixer, Citadel CSR, and gRPC health. */
export const ISTIO_PROTO_FILES = [
  'istio/mcp/v1alpha1/mcp.proto',
  'istio/mixer/v1/mixer.proto',
  'istio/v1/auth/ca.proto',
  'grpc/health/v1/health.proto',
  // MCP resource bodies travel as Struct (the resource spec as JSON), so sinks need no per-kind protos.
  'google/protobuf/struct.proto',
] as const;

export const PROTO_SETS: readonly ProtoSet[] = [
  { name: 'envoy', files: ENVOY_PROTO_FILES },
  { name: 'istio', files: ISTIO_PROTO_FILES },
];

/** Where the .proto sources live (only the generate script and its freshness test read them). */
export function protoIncludeDirs(set: ProtoSet): string[] {
  const xdsDeps = join(dirname(require.resolve('@grpc/grpc-js-xds/package.json')), 'deps');
  // protobufjs ships the google/protobuf well-known types (descriptor.proto, struct.proto).
  const wellKnown = dirname(require.resolve('protobufjs/package.json'));
  const googleapis = join(xdsDeps, 'googleapis');
  if (set.name === 'istio') return [join(__dirname, '../proto'), googleapis, wellKnown];
  return [...['envoy-api', 'xds', 'googleapis', 'protoc-gen-validate'].map((dir) => join(xdsDeps, dir)), wellKnown];
}

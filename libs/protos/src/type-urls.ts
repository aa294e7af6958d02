import { typeUrl } from './codec';

/** The xDS resource types Pilot serves over ADS, in the order a push must send them (make-before-break). */
export const XDS_TYPE_NAMES = {
  cluster: 'envoy.config.cluster.v3.Cluster',
  endpoint: 'envoy.config.endpoint.v3.ClusterLoadAssignment',
  listener: 'envoy.config.listener.v3.Listener',
  route: 'envoy.config.route.v3.RouteConfiguration',
} as const;

export const XDS_TYPE_URLS = {
  cluster: typeUrl(XDS_TYPE_NAMES.cluster),
  endpoint: typeUrl(XDS_TYPE_NAMES.endpoint),
  listener: typeUrl(XDS_TYPE_NAMES.listener),
  route: typeUrl(XDS_TYPE_NAMES.route),
} as const;

export const XDS_PUSH_ORDER = [XDS_TYPE_URLS.cluster, XDS_TYPE_URLS.endpoint, XDS_TYPE_URLS.listener, XDS_TYPE_URLS.route] as const;

/** Extension types referenced from typed_config fields. */
export const EXTENSION_TYPE_NAMES = {
  httpConnectionManager: 'envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager',
  router: 'envoy.extensions.filters.http.router.v3.Router',
  fault: 'envoy.extensions.filters.http.fault.v3.HTTPFault',
  rbac: 'envoy.extensions.filters.http.rbac.v3.RBAC',
  cors: 'envoy.extensions.filters.http.cors.v3.Cors',
  tcpProxy: 'envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy',
  tlsInspector: 'envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector',
  originalDst: 'envoy.extensions.filters.listener.original_dst.v3.OriginalDst',
  upstreamTlsContext: 'envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext',
  downstreamTlsContext: 'envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext',
} as const;

/** MCP collection bodies are typed by the Istio API message name; Isthmus carries them as google.protobuf.Struct. */
export const MCP_BODY_TYPE_NAME = 'google.protobuf.Struct';

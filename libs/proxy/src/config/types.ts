/**
 * The proxy's own compiled, immutable runtime tables. xDS resources are decoded and compiled into these once, when
 * config arrives; the data path only reads them.
 */
import type { RbacConfig } from './rbac-config';
import type { StringPredicate } from './string-matcher';

export type HeaderMap = Readonly<Record<string, string | string[] | undefined>>;

/** What a route matcher sees of a request. */
export interface RequestView {
  readonly method: string;
  /** `:path` including the query string. */
  readonly path: string;
  /** Path without the query string. */
  readonly pathOnly: string;
  readonly query: string;
  readonly headers: HeaderMap;
}

// ---------------------------------------------------------------- TLS

export type SecretSource = { kind: 'file'; path: string } | { kind: 'inline'; data: Buffer };

export interface TlsCertificateConfig {
  readonly certificateChain: SecretSource;
  readonly privateKey: SecretSource;
}

export interface TlsValidationConfig {
  readonly trustedCa?: SecretSource;
  /** Subject alternative names accepted from the peer (exact or prefix predicates over DNS/URI SANs). */
  readonly subjectAltNames: readonly StringPredicate[];
  readonly subjectAltNameText: readonly string[];
}

export interface DownstreamTlsConfig {
  readonly certificates: readonly TlsCertificateConfig[];
  readonly validation?: TlsValidationConfig;
  readonly requireClientCertificate: boolean;
  readonly alpn: readonly string[];
}

export interface UpstreamTlsConfig {
  readonly certificates: readonly TlsCertificateConfig[];
  readonly validation?: TlsValidationConfig;
  readonly sni: string;
  readonly alpn: readonly string[];
}

// ---------------------------------------------------------------- clusters

export type ClusterType = 'STATIC' | 'STRICT_DNS' | 'LOGICAL_DNS' | 'EDS' | 'ORIGINAL_DST';
export type LbPolicy = 'ROUND_ROBIN' | 'LEAST_REQUEST' | 'RANDOM' | 'RING_HASH' | 'CLUSTER_PROVIDED';

export interface EndpointConfig {
  readonly address: string;
  readonly port: number;
  readonly weight: number;
  readonly healthy: boolean;
  readonly priority: number;
  readonly locality: string;
}

export interface CircuitBreakerThresholds {
  readonly maxConnections: number;
  readonly maxPendingRequests: number;
  readonly maxRequests: number;
  readonly maxRetries: number;
}

export interface OutlierDetectionConfig {
  readonly consecutive5xx: number;
  readonly consecutiveGatewayFailure: number;
  readonly enforcingConsecutive5xx: number;
  readonly enforcingConsecutiveGatewayFailure: number;
  readonly intervalMs: number;
  readonly baseEjectionTimeMs: number;
  readonly maxEjectionTimeMs: number;
  readonly maxEjectionPercent: number;
}

export interface ClusterConfig {
  readonly name: string;
  readonly type: ClusterType;
  /** For EDS: the ClusterLoadAssignment name to subscribe to. */
  readonly edsServiceName: string;
  readonly connectTimeoutMs: number;
  readonly lbPolicy: LbPolicy;
  readonly ringHashMinimumSize: number;
  readonly leastRequestChoices: number;
  readonly endpoints: readonly EndpointConfig[];
  readonly breakers: CircuitBreakerThresholds;
  readonly outlier?: OutlierDetectionConfig;
  readonly http2: boolean;
  readonly tls?: UpstreamTlsConfig;
  readonly maxRequestsPerConnection: number;
  readonly idleTimeoutMs: number;
  readonly dnsRefreshMs: number;
  /** ORIGINAL_DST: take the destination from `x-envoy-original-dst-host`. */
  readonly originalDstUseHeader: boolean;
}

// ---------------------------------------------------------------- routes

export interface HeaderOperation {
  readonly name: string;
  readonly value: string;
  /** true: add another value; false: overwrite. */
  readonly append: boolean;
}

export interface HeaderMutations {
  readonly requestAdd: readonly HeaderOperation[];
  readonly requestRemove: readonly string[];
  readonly responseAdd: readonly HeaderOperation[];
  readonly responseRemove: readonly string[];
}

export interface RetryConfig {
  readonly numRetries: number;
  readonly perTryTimeoutMs: number;
  readonly on5xx: boolean;
  readonly onGatewayError: boolean;
  readonly onReset: boolean;
  readonly onConnectFailure: boolean;
  readonly onRetriable4xx: boolean;
  readonly onRefusedStream: boolean;
  readonly retriableStatusCodes: ReadonlySet<number>;
  readonly grpcStatuses: ReadonlySet<number>;
  readonly baseIntervalMs: number;
  readonly maxIntervalMs: number;
}

export interface FaultConfig {
  readonly delayMs: number;
  readonly delayFraction: number;
  readonly abortHttpStatus: number;
  readonly abortGrpcStatus: number;
  readonly abortFraction: number;
  /** Only requests whose headers all match are faulted. */
  readonly headers: readonly HeaderPredicate[];
}

export interface CorsConfig {
  readonly allowOrigin: readonly StringPredicate[];
  readonly allowMethods: string;
  readonly allowHeaders: string;
  readonly exposeHeaders: string;
  readonly maxAge: string;
  readonly allowCredentials: boolean;
}

export interface WeightedTarget {
  readonly cluster: string;
  readonly weight: number;
  readonly mutations: HeaderMutations;
}

export type HashPolicyConfig =
  | { readonly kind: 'header'; readonly name: string; readonly terminal: boolean }
  | { readonly kind: 'cookie'; readonly name: string; readonly path: string; readonly ttlMs: number; readonly terminal: boolean }
  | { readonly kind: 'source_ip'; readonly terminal: boolean };

export interface MirrorConfig {
  readonly cluster: string;
  readonly fraction: number;
}

export interface ForwardAction {
  readonly kind: 'forward';
  readonly cluster?: string;
  readonly clusterHeader?: string;
  readonly weighted?: { readonly targets: readonly WeightedTarget[]; readonly total: number };
  readonly prefixRewrite?: string;
  readonly regexRewrite?: (path: string) => string;
  readonly hostRewrite?: string;
  readonly autoHostRewrite: boolean;
  readonly timeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly retry?: RetryConfig;
  readonly hashPolicies: readonly HashPolicyConfig[];
  readonly mirrors: readonly MirrorConfig[];
  readonly upgrades: ReadonlySet<string>;
  readonly clusterNotFoundCode: number;
}

export interface RedirectActionConfig {
  readonly kind: 'redirect';
  readonly scheme?: string;
  readonly host?: string;
  readonly port?: number;
  readonly path?: string;
  readonly prefixRewrite?: string;
  readonly stripQuery: boolean;
  readonly code: number;
}

export interface DirectResponseConfig {
  readonly kind: 'direct';
  readonly status: number;
  readonly body: Buffer;
}

export type RouteActionConfig = ForwardAction | RedirectActionConfig | DirectResponseConfig;

export type HeaderPredicate = (headers: HeaderMap) => boolean;

export interface CompiledRoute {
  readonly name: string;
  /** The matched prefix (for prefix_rewrite) or undefined when the route matched otherwise. */
  readonly prefix?: string;
  readonly matches: (request: RequestView) => boolean;
  readonly action: RouteActionConfig;
  readonly mutations: HeaderMutations;
  readonly fault?: FaultConfig;
  readonly cors?: CorsConfig;
  readonly decorator: string;
}

export interface CompiledVirtualHost {
  readonly name: string;
  readonly domains: readonly string[];
  readonly routes: readonly CompiledRoute[];
  readonly mutations: HeaderMutations;
  readonly cors?: CorsConfig;
  readonly retry?: RetryConfig;
  readonly requireTls: 'NONE' | 'EXTERNAL_ONLY' | 'ALL';
  readonly includeAttemptCount: boolean;
}

export interface RouteTable {
  readonly name: string;
  readonly selectHost: (host: string) => CompiledVirtualHost | undefined;
  readonly virtualHosts: readonly CompiledVirtualHost[];
  readonly mutations: HeaderMutations;
  /** Clusters referenced, for warming checks and config_dump. */
  readonly clusters: ReadonlySet<string>;
}

// ---------------------------------------------------------------- listeners

export interface AccessLogConfig {
  readonly path: string;
  readonly format: (entry: AccessLogEntry) => string;
}

export interface AccessLogEntry {
  readonly startTime: number;
  readonly method: string;
  readonly path: string;
  readonly protocol: string;
  readonly responseCode: number;
  readonly responseFlags: string;
  readonly bytesReceived: number;
  readonly bytesSent: number;
  readonly durationMs: number;
  readonly upstreamServiceTimeMs: number;
  readonly upstreamHost: string;
  readonly upstreamCluster: string;
  readonly downstreamLocal: string;
  readonly downstreamRemote: string;
  readonly requestedServerName: string;
  readonly routeName: string;
  readonly requestHeaders: HeaderMap;
  readonly responseHeaders: HeaderMap;
}

export type HttpFilterKind = 'router' | 'fault' | 'cors' | 'rbac';

export interface TracingConfig {
  readonly randomSampling: number;
}

export interface HcmConfig {
  readonly statPrefix: string;
  readonly routes: { readonly kind: 'rds'; readonly name: string } | { readonly kind: 'inline'; readonly table: RouteTable };
  readonly codec: 'AUTO' | 'HTTP1' | 'HTTP2';
  readonly filters: readonly HttpFilterKind[];
  /** Filter-level fault config (route-level typed_per_filter_config overrides it). */
  readonly fault?: FaultConfig;
  readonly accessLogs: readonly AccessLogConfig[];
  readonly useRemoteAddress: boolean;
  readonly skipXffAppend: boolean;
  readonly generateRequestId: boolean;
  readonly preserveExternalRequestId: boolean;
  readonly upgrades: ReadonlySet<string>;
  readonly streamIdleTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly serverName: string;
  readonly tracing?: TracingConfig;
  readonly via: string;
  /** Envoy's RBAC filter (Istio authorization); undefined when the chain has none or it has no rules. */
  readonly rbac?: RbacConfig;
}

export interface TcpProxyConfig {
  readonly statPrefix: string;
  readonly cluster?: string;
  readonly weighted?: readonly { readonly cluster: string; readonly weight: number }[];
  readonly idleTimeoutMs: number;
  readonly accessLogs: readonly AccessLogConfig[];
}

export interface CidrRange {
  readonly address: string;
  readonly prefixLength: number;
}

export interface FilterChainMatchConfig {
  readonly destinationPort?: number;
  readonly prefixRanges: readonly CidrRange[];
  readonly serverNames: readonly string[];
  readonly transportProtocol: string;
  readonly applicationProtocols: readonly string[];
  readonly sourcePrefixRanges: readonly CidrRange[];
  readonly sourcePorts: readonly number[];
}

export type NetworkFilterConfig = { readonly kind: 'http'; readonly hcm: HcmConfig } | { readonly kind: 'tcp'; readonly tcp: TcpProxyConfig };

export interface FilterChainConfig {
  readonly name: string;
  readonly match: FilterChainMatchConfig;
  readonly tls?: DownstreamTlsConfig;
  readonly network: NetworkFilterConfig;
}

export interface ListenerConfig {
  readonly name: string;
  readonly address: string;
  readonly port: number;
  readonly bindToPort: boolean;
  readonly useOriginalDst: boolean;
  /** TLS inspection (SNI/ALPN from the ClientHello) before chain selection. */
  readonly inspectTls: boolean;
  /** HTTP inspection (http/1.1 vs h2c) before chain selection. */
  readonly inspectHttp: boolean;
  readonly filterChains: readonly FilterChainConfig[];
  readonly defaultChain?: FilterChainConfig;
  readonly trafficDirection: string;
  readonly listenerFiltersTimeoutMs: number;
  readonly rdsNames: readonly string[];
}

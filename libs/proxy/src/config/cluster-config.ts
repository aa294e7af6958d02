import type { Cluster__Output } from '@isthmus/protos';
import { compileEndpoints } from './endpoints-config';
import { fail, rejectUnsupported } from './errors';
import { compileUpstreamTransportSocket, unpackTyped } from './tls-config';
import type { CircuitBreakerThresholds, ClusterConfig, ClusterType, LbPolicy, OutlierDetectionConfig } from './types';
import { durationMs, wrapped } from './values';

const SUPPORTED_TYPES: readonly ClusterType[] = ['STATIC', 'STRICT_DNS', 'LOGICAL_DNS', 'EDS', 'ORIGINAL_DST'];
const SUPPORTED_LB: readonly LbPolicy[] = ['ROUND_ROBIN', 'LEAST_REQUEST', 'RANDOM', 'RING_HASH', 'CLUSTER_PROVIDED'];
const HTTP_PROTOCOL_OPTIONS_TYPE = 'envoy.extensions.upstreams.http.v3.HttpProtocolOptions';

/** Envoy's defaults when a cluster sets no thresholds. */
export const DEFAULT_BREAKERS: CircuitBreakerThresholds = { maxConnections: 1024, maxPendingRequests: 1024, maxRequests: 1024, maxRetries: 3 };

/** envoy.config.cluster.v3.Cluster → ClusterConfig, refusing anything the proxy would not honour. */
export function compileCluster(cluster: Cluster__Output): ClusterConfig {
  const path = `cluster ${cluster.name}`;
  rejectUnsupported(
    cluster,
    path,
    [
      'name', 'type', 'eds_cluster_config', 'connect_timeout', 'lb_policy', 'circuit_breakers', 'http2_protocol_options',
      'http_protocol_options', 'dns_refresh_rate', 'dns_lookup_family', 'outlier_detection', 'ring_hash_lb_config',
      'least_request_lb_config', 'round_robin_lb_config', 'original_dst_lb_config', 'transport_socket', 'metadata',
      'alt_stat_name', 'load_assignment', 'common_http_protocol_options', 'typed_extension_protocol_options',
      'max_requests_per_connection', 'common_lb_config', 'cleanup_interval', 'respect_dns_ttl', 'per_connection_buffer_limit_bytes',
      'upstream_connection_options', 'wait_for_warm_on_init',
    ],
    { protocol_selection: 'USE_CONFIGURED_PROTOCOL' },
  );
  if (!cluster.name) fail('cluster', 'name is required');
  const type = (cluster.type ?? 'STATIC') as ClusterType;
  if (!SUPPORTED_TYPES.includes(type)) fail(`${path}.type`, `cluster type ${type} is not supported`);
  const lbPolicy = cluster.lb_policy as LbPolicy;
  if (!SUPPORTED_LB.includes(lbPolicy)) fail(`${path}.lb_policy`, `load balancing policy ${lbPolicy} is not supported`);
  if (type === 'ORIGINAL_DST' && lbPolicy !== 'CLUSTER_PROVIDED') fail(`${path}.lb_policy`, 'ORIGINAL_DST clusters need CLUSTER_PROVIDED');

  const endpoints = cluster.load_assignment ? compileEndpoints(cluster.load_assignment, `${path}.load_assignment`) : [];
  // A STATIC cluster may be empty (Istio's BlackHoleCluster): requests to it get 503 "no healthy upstream".
  if ((type === 'STRICT_DNS' || type === 'LOGICAL_DNS') && endpoints.length === 0) {
    fail(`${path}.load_assignment`, `a ${type} cluster needs endpoints`);
  }

  let http2 = cluster.http2_protocol_options !== null;
  let idleTimeoutMs = durationMs(cluster.common_http_protocol_options?.idle_timeout, 3_600_000);
  let maxRequestsPerConnection = wrapped(cluster.max_requests_per_connection, 0);
  for (const [key, any] of Object.entries(cluster.typed_extension_protocol_options)) {
    const keyPath = `${path}.typed_extension_protocol_options["${key}"]`;
    const options = unpackTyped<{
      explicit_http_config?: { http2_protocol_options?: object | null; http_protocol_options?: object | null; protocol_config?: string } | null;
      common_http_protocol_options?: { idle_timeout?: { seconds?: string; nanos?: number } | null; max_requests_per_connection?: { value: number } | null } | null;
      upstream_protocol_options?: string;
    }>(any, keyPath, HTTP_PROTOCOL_OPTIONS_TYPE);
    if (options.upstream_protocol_options && options.upstream_protocol_options !== 'explicit_http_config') {
      fail(`${keyPath}.${options.upstream_protocol_options}`, 'only explicit_http_config is supported');
    }
    const protocol = options.explicit_http_config?.protocol_config;
    if (protocol === 'http3_protocol_options') fail(`${keyPath}.explicit_http_config.http3_protocol_options`, 'HTTP/3 upstreams are not supported');
    http2 = protocol === 'http2_protocol_options';
    idleTimeoutMs = durationMs(options.common_http_protocol_options?.idle_timeout, idleTimeoutMs);
    maxRequestsPerConnection = wrapped(options.common_http_protocol_options?.max_requests_per_connection, maxRequestsPerConnection);
  }

  const tls = compileUpstreamTransportSocket(cluster.transport_socket, `${path}.transport_socket`);

  return {
    name: cluster.name,
    type,
    edsServiceName: cluster.eds_cluster_config?.service_name || cluster.name,
    connectTimeoutMs: durationMs(cluster.connect_timeout, 5000),
    lbPolicy,
    ringHashMinimumSize: Number(cluster.ring_hash_lb_config?.minimum_ring_size?.value ?? 1024),
    leastRequestChoices: wrapped(cluster.least_request_lb_config?.choice_count, 2),
    endpoints,
    breakers: compileBreakers(cluster, path),
    outlier: cluster.outlier_detection ? compileOutlier(cluster.outlier_detection) : undefined,
    http2,
    tls,
    maxRequestsPerConnection,
    idleTimeoutMs,
    dnsRefreshMs: durationMs(cluster.dns_refresh_rate, 5000),
    originalDstUseHeader: cluster.original_dst_lb_config?.use_http_header === true,
  };
}

function compileBreakers(cluster: Cluster__Output, path: string): CircuitBreakerThresholds {
  if (cluster.circuit_breakers) rejectUnsupported(cluster.circuit_breakers, `${path}.circuit_breakers`, ['thresholds']);
  const thresholds = cluster.circuit_breakers?.thresholds ?? [];
  const normal = thresholds.find((threshold) => (threshold.priority ?? 'DEFAULT') === 'DEFAULT');
  if (!normal) return DEFAULT_BREAKERS;
  rejectUnsupported(normal, `${path}.circuit_breakers.thresholds`, [
    'priority', 'max_connections', 'max_pending_requests', 'max_requests', 'max_retries', 'track_remaining',
  ]);
  return {
    maxConnections: wrapped(normal.max_connections, DEFAULT_BREAKERS.maxConnections),
    maxPendingRequests: wrapped(normal.max_pending_requests, DEFAULT_BREAKERS.maxPendingRequests),
    maxRequests: wrapped(normal.max_requests, DEFAULT_BREAKERS.maxRequests),
    maxRetries: wrapped(normal.max_retries, DEFAULT_BREAKERS.maxRetries),
  };
}

function compileOutlier(outlier: NonNullable<Cluster__Output['outlier_detection']>): OutlierDetectionConfig {
  const baseEjectionTimeMs = durationMs(outlier.base_ejection_time, 30_000);
  return {
    consecutive5xx: wrapped(outlier.consecutive_5xx, 5),
    consecutiveGatewayFailure: wrapped(outlier.consecutive_gateway_failure, 5),
    enforcingConsecutive5xx: wrapped(outlier.enforcing_consecutive_5xx, 100),
    enforcingConsecutiveGatewayFailure: wrapped(outlier.enforcing_consecutive_gateway_failure, 0),
    intervalMs: durationMs(outlier.interval, 10_000),
    baseEjectionTimeMs,
    maxEjectionTimeMs: durationMs(outlier.max_ejection_time, Math.max(300_000, baseEjectionTimeMs)),
    maxEjectionPercent: wrapped(outlier.max_ejection_percent, 10),
  };
}

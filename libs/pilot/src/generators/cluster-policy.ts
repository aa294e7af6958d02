import type { ClientTLSSettings, PortTrafficPolicy, TrafficPolicy } from '@isthmus/config-model';
import { EXTENSION_TYPE_NAMES } from '@isthmus/protos';
import type { Cluster } from '@isthmus/protos';
import type { DeepReadonly } from '../push/push-context';
import { pack, protoDuration } from './envoy-util';

type Policy = DeepReadonly<TrafficPolicy> | DeepReadonly<PortTrafficPolicy>;
export type EffectivePolicy = DeepReadonly<Pick<TrafficPolicy, 'loadBalancer' | 'connectionPool' | 'outlierDetection' | 'tls'>>;

/** Where the proxy finds its workload certificate (mounted from the `istio.<sa>` secret). */
export const ISTIO_CERTS = {
  chain: '/etc/certs/cert-chain.pem',
  key: '/etc/certs/key.pem',
  root: '/etc/certs/root-cert.pem',
} as const;

/**
 * Merges a traffic policy for one port: port-level settings replace the top-level field they set; a subset policy
 * (with its own port-level settings) then replaces fields of that, as in Istio.
 */
export function effectivePolicy(policies: readonly (DeepReadonly<TrafficPolicy> | undefined)[], port: number): EffectivePolicy {
  let merged: EffectivePolicy = {};
  for (const policy of policies) {
    if (!policy) continue;
    merged = overlay(merged, policy);
    const portLevel = policy.portLevelSettings?.find((settings) => settings.port?.number === port);
    if (portLevel) merged = overlay(merged, portLevel);
  }
  return merged;
}

function overlay(base: EffectivePolicy, policy: Policy): EffectivePolicy {
  return {
    loadBalancer: policy.loadBalancer ?? base.loadBalancer,
    connectionPool: policy.connectionPool ?? base.connectionPool,
    outlierDetection: policy.outlierDetection ?? base.outlierDetection,
    tls: policy.tls ?? base.tls,
  };
}

const LB: Record<string, Cluster['lb_policy']> = { ROUND_ROBIN: 'ROUND_ROBIN', LEAST_CONN: 'LEAST_REQUEST', RANDOM: 'RANDOM' };

/** DestinationRule settings → Envoy cluster fields (load balancer, circuit breakers, outlier detection). */
export function applyTrafficPolicy(cluster: Cluster, policy: EffectivePolicy): void {
  const lb = policy.loadBalancer;
  if (lb?.simple === 'PASSTHROUGH') {
    cluster.type = 'ORIGINAL_DST';
    cluster.lb_policy = 'CLUSTER_PROVIDED';
    delete cluster.eds_cluster_config;
    delete cluster.load_assignment;
  } else if (lb?.simple) {
    cluster.lb_policy = LB[lb.simple] ?? 'ROUND_ROBIN';
  } else if (lb?.consistentHash) {
    cluster.lb_policy = 'RING_HASH';
    if (lb.consistentHash.minimumRingSize) cluster.ring_hash_lb_config = { minimum_ring_size: { value: lb.consistentHash.minimumRingSize } };
  }
  const pool = policy.connectionPool;
  if (pool) {
    const connectTimeout = protoDuration(pool.tcp?.connectTimeout);
    if (connectTimeout) cluster.connect_timeout = connectTimeout;
    const threshold: Record<string, { value: number }> = {};
    if (pool.tcp?.maxConnections) threshold.max_connections = { value: pool.tcp.maxConnections };
    if (pool.http?.http1MaxPendingRequests) threshold.max_pending_requests = { value: pool.http.http1MaxPendingRequests };
    if (pool.http?.http2MaxRequests) threshold.max_requests = { value: pool.http.http2MaxRequests };
    if (pool.http?.maxRetries) threshold.max_retries = { value: pool.http.maxRetries };
    if (Object.keys(threshold).length > 0) cluster.circuit_breakers = { thresholds: [{ priority: 'DEFAULT', ...threshold }] };
    if (pool.http?.maxRequestsPerConnection) cluster.max_requests_per_connection = { value: pool.http.maxRequestsPerConnection };
    const idle = protoDuration(pool.http?.idleTimeout);
    if (idle) cluster.common_http_protocol_options = { idle_timeout: idle };
    const keepalive = pool.tcp?.tcpKeepalive;
    if (keepalive) {
      const seconds = (text?: string) => (text ? { value: protoDuration(text)?.seconds ?? 0 } : undefined);
      cluster.upstream_connection_options = {
        tcp_keepalive: { keepalive_probes: keepalive.probes ? { value: keepalive.probes } : undefined, keepalive_time: seconds(keepalive.time), keepalive_interval: seconds(keepalive.interval) },
      };
    }
  }
  const outlier = policy.outlierDetection;
  if (outlier) {
    cluster.outlier_detection = {
      ...(outlier.consecutiveErrors !== undefined ? { consecutive_5xx: { value: outlier.consecutiveErrors } } : {}),
      ...(outlier.interval ? { interval: protoDuration(outlier.interval) } : {}),
      ...(outlier.baseEjectionTime ? { base_ejection_time: protoDuration(outlier.baseEjectionTime) } : {}),
      ...(outlier.maxEjectionPercent !== undefined ? { max_ejection_percent: { value: outlier.maxEjectionPercent } } : {}),
    };
    if (outlier.minHealthPercent !== undefined) cluster.common_lb_config = { healthy_panic_threshold: { value: outlier.minHealthPercent } };
  }
}

/**
 * Upstream TLS: ISTIO_MUTUAL uses the workload certificate and verifies the server's SPIFFE identity against the
 * service accounts the registry expects (secure naming); SIMPLE and MUTUAL use the files named in the rule.
 */
export function upstreamTls(tls: DeepReadonly<ClientTLSSettings> | undefined, expectedSans: readonly string[], istioSni: string): Cluster['transport_socket'] | undefined {
  if (!tls || !tls.mode || tls.mode === 'DISABLE') return undefined;
  const sanMatchers = (sans: readonly string[]) => sans.map((san) => ({ san_type: san.startsWith('spiffe://') ? 'URI' : 'DNS', matcher: { exact: san } }));
  let context: Record<string, unknown>;
  if (tls.mode === 'ISTIO_MUTUAL') {
    context = {
      common_tls_context: {
        tls_certificates: [{ certificate_chain: { filename: ISTIO_CERTS.chain }, private_key: { filename: ISTIO_CERTS.key } }],
        validation_context: { trusted_ca: { filename: ISTIO_CERTS.root }, match_typed_subject_alt_names: sanMatchers(expectedSans) },
        alpn_protocols: ['istio'],
      },
      sni: istioSni,
    };
  } else {
    const sans = tls.subjectAltNames && tls.subjectAltNames.length > 0 ? tls.subjectAltNames : [];
    context = {
      common_tls_context: {
        ...(tls.mode === 'MUTUAL' && tls.clientCertificate
          ? { tls_certificates: [{ certificate_chain: { filename: tls.clientCertificate }, private_key: { filename: tls.privateKey ?? '' } }] }
          : {}),
        ...(tls.caCertificates || sans.length > 0
          ? { validation_context: { ...(tls.caCertificates ? { trusted_ca: { filename: tls.caCertificates } } : {}), match_typed_subject_alt_names: sanMatchers(sans) } }
          : {}),
      },
      ...(tls.sni ? { sni: tls.sni } : {}),
    };
  }
  return { name: 'envoy.transport_sockets.tls', typed_config: pack(EXTENSION_TYPE_NAMES.upstreamTlsContext, context) };
}

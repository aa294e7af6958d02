import type { ClusterConfig, EndpointConfig } from '../config/types';
import { clusterScope, type Stat, type StatsStore } from '../stats/stats-store';
import type { CertStore } from '../tls/cert-store';
import { Host } from './host';
import { Http1Pool } from './http1-pool';
import { Http2Pool } from './http2-pool';
import { createLoadBalancer, type LoadBalancer } from './load-balancer';
import { OutlierDetector } from './outlier-detector';

/** Envoy's per-cluster counters and gauges, resolved once so the data path only bumps numbers. */
export interface ClusterStats {
  readonly rqTotal: Stat;
  readonly rq2xx: Stat;
  readonly rq3xx: Stat;
  readonly rq4xx: Stat;
  readonly rq5xx: Stat;
  readonly rqCompleted: Stat;
  readonly rqTimeout: Stat;
  readonly rqPerTryTimeout: Stat;
  readonly rqRetry: Stat;
  readonly rqRetrySuccess: Stat;
  readonly rqRetryOverflow: Stat;
  readonly rqPendingOverflow: Stat;
  readonly rqPendingTotal: Stat;
  readonly rqActive: Stat;
  readonly rqPendingActive: Stat;
  readonly rqRxReset: Stat;
  readonly rqCancelled: Stat;
  readonly cxTotal: Stat;
  readonly cxActive: Stat;
  readonly cxOverflow: Stat;
  readonly cxConnectFail: Stat;
  readonly cxConnectTimeout: Stat;
  readonly cxNoneHealthy: Stat;
  readonly membershipHealthy: Stat;
  readonly membershipTotal: Stat;
  readonly ejectionsActive: Stat;
}

/** A cluster at run time: its hosts, balancer, circuit breakers, connection pools and outlier detection. */
export class ClusterRuntime {
  hosts: Host[] = [];
  /** True once the cluster has its endpoints (EDS warming). */
  warm: boolean;
  readonly stats: ClusterStats;
  readonly http1: Http1Pool;
  readonly http2: Http2Pool;
  private balancer: LoadBalancer = { choose: () => undefined };
  private readonly outlier?: OutlierDetector;
  private rqActive = 0;
  private rqPending = 0;
  private cxActive = 0;
  private retriesActive = 0;
  /** ORIGINAL_DST hosts created on demand, keyed by address. */
  private readonly originalDstHosts = new Map<string, Host>();

  constructor(
    readonly config: ClusterConfig,
    stats: StatsStore,
    certs: CertStore,
  ) {
    const scope = clusterScope(config.name);
    const counter = (name: string) => stats.counter(scope, name);
    const gauge = (name: string) => stats.gauge(scope, name);
    this.stats = {
      rqTotal: counter('upstream_rq_total'),
      rq2xx: counter('upstream_rq_2xx'),
      rq3xx: counter('upstream_rq_3xx'),
      rq4xx: counter('upstream_rq_4xx'),
      rq5xx: counter('upstream_rq_5xx'),
      rqCompleted: counter('upstream_rq_completed'),
      rqTimeout: counter('upstream_rq_timeout'),
      rqPerTryTimeout: counter('upstream_rq_per_try_timeout'),
      rqRetry: counter('upstream_rq_retry'),
      rqRetrySuccess: counter('upstream_rq_retry_success'),
      rqRetryOverflow: counter('upstream_rq_retry_overflow'),
      rqPendingOverflow: counter('upstream_rq_pending_overflow'),
      rqPendingTotal: counter('upstream_rq_pending_total'),
      rqActive: gauge('upstream_rq_active'),
      rqPendingActive: gauge('upstream_rq_pending_active'),
      rqRxReset: counter('upstream_rq_rx_reset'),
      rqCancelled: counter('upstream_rq_cancelled'),
      cxTotal: counter('upstream_cx_total'),
      cxActive: gauge('upstream_cx_active'),
      cxOverflow: counter('upstream_cx_overflow'),
      cxConnectFail: counter('upstream_cx_connect_fail'),
      cxConnectTimeout: counter('upstream_cx_connect_timeout'),
      cxNoneHealthy: counter('upstream_cx_none_healthy'),
      membershipHealthy: gauge('membership_healthy'),
      membershipTotal: gauge('membership_total'),
      ejectionsActive: gauge('outlier_detection.ejections_active'),
    };
    const counters = {
      onConnection: (delta: 1 | -1) => {
        this.cxActive += delta;
        this.stats.cxActive.value = this.cxActive;
        if (delta === 1) this.stats.cxTotal.value++;
      },
      onConnectFailure: (timeout: boolean) => {
        this.stats.cxConnectFail.value++;
        if (timeout) this.stats.cxConnectTimeout.value++;
      },
    };
    this.http1 = new Http1Pool(config, counters, certs);
    this.http2 = new Http2Pool(config, counters, certs);
    if (config.outlier) {
      this.outlier = new OutlierDetector(
        config.outlier,
        () => this.hosts,
        {
          ejectionsActive: this.stats.ejectionsActive,
          ejectionsTotal: counter('outlier_detection.ejections_total'),
          ejectionsEnforcedTotal: counter('outlier_detection.ejections_enforced_total'),
          ejectionsConsecutive5xx: counter('outlier_detection.ejections_detected_consecutive_5xx'),
          ejectionsConsecutiveGatewayFailure: counter('outlier_detection.ejections_detected_consecutive_gateway_failure'),
          ejectionsOverflow: counter('outlier_detection.ejections_overflow'),
        },
        () => this.rebuildBalancer(),
      );
    }
    this.warm = config.type !== 'EDS';
    if (config.type === 'STATIC' || config.type === 'EDS') this.setEndpoints(config.endpoints);
  }

  /** Replaces the membership; hosts that stay keep their live state (active requests, ejections). */
  setEndpoints(endpoints: readonly EndpointConfig[]): void {
    const previous = new Map(this.hosts.map((host) => [host.key, host]));
    this.hosts = endpoints.map((endpoint) => {
      const host = new Host(endpoint.address, endpoint.port, endpoint.weight, endpoint.healthy, endpoint.priority);
      const kept = previous.get(host.key);
      if (kept && kept.weight === host.weight && kept.priority === host.priority) {
        kept.healthy = endpoint.healthy;
        return kept;
      }
      return host;
    });
    this.stats.membershipTotal.value = this.hosts.length;
    this.rebuildBalancer();
  }

  private rebuildBalancer(): void {
    this.stats.membershipHealthy.value = this.hosts.filter((host) => host.available).length;
    this.balancer = createLoadBalancer(this.config.lbPolicy, this.hosts, {
      ringSize: this.config.ringHashMinimumSize,
      choices: this.config.leastRequestChoices,
    });
  }

  chooseHost(hash: number | undefined, exclude?: ReadonlySet<Host>): Host | undefined {
    return this.balancer.choose(hash, exclude);
  }

  /** ORIGINAL_DST: the host is the connection's original destination (or the override header). */
  originalDestination(address: string, port: number): Host {
    const key = `${address}:${port}`;
    let host = this.originalDstHosts.get(key);
    if (!host) {
      host = new Host(address, port, 1, true, 0);
      this.originalDstHosts.set(key, host);
      if (this.originalDstHosts.size > 1024) this.originalDstHosts.delete(this.originalDstHosts.keys().next().value as string);
    }
    return host;
  }

  /**
   * Circuit breaking on admission (Envoy's semantics for HTTP/1.1): a request needs a free connection, or room for a
   * new one under max_connections, or a pending slot under max_pending_requests; max_requests caps active requests.
   * Returns false when the request must be shed (503 with flag UO), else whether it waits for a connection.
   */
  admit(): false | 'active' | 'pending' {
    const { maxRequests, maxConnections, maxPendingRequests } = this.config.breakers;
    if (this.rqActive >= maxRequests) {
      this.stats.rqPendingOverflow.value++;
      return false;
    }
    let pending = false;
    if (!this.config.http2) {
      const freeConnections = this.cxActive - (this.rqActive - this.rqPending);
      if (freeConnections <= 0 && this.cxActive >= maxConnections) {
        this.stats.cxOverflow.value++;
        if (this.rqPending >= maxPendingRequests) {
          this.stats.rqPendingOverflow.value++;
          return false;
        }
        pending = true;
      }
    }
    this.rqActive++;
    this.stats.rqActive.value = this.rqActive;
    if (pending) {
      this.rqPending++;
      this.stats.rqPendingTotal.value++;
      this.stats.rqPendingActive.value = this.rqPending;
    }
    return pending ? 'pending' : 'active';
  }

  /** A pending request got its connection. */
  leavePending(wasPending: boolean): void {
    if (!wasPending || this.rqPending === 0) return;
    this.rqPending--;
    this.stats.rqPendingActive.value = this.rqPending;
  }

  release(): void {
    this.rqActive--;
    this.stats.rqActive.value = this.rqActive;
  }

  admitRetry(): boolean {
    if (this.retriesActive >= this.config.breakers.maxRetries) {
      this.stats.rqRetryOverflow.value++;
      return false;
    }
    this.retriesActive++;
    return true;
  }

  releaseRetry(): void {
    this.retriesActive--;
  }

  /** Records a finished upstream request for stats and outlier detection (status 0 = no response). */
  recordResult(host: Host | undefined, status: number): void {
    const stats = this.stats;
    if (status >= 500 || status === 0) stats.rq5xx.value++;
    else if (status >= 400) stats.rq4xx.value++;
    else if (status >= 300) stats.rq3xx.value++;
    else stats.rq2xx.value++;
    stats.rqCompleted.value++;
    if (host && this.outlier) this.outlier.record(host, status);
  }

  close(): void {
    this.outlier?.close();
    this.http1.destroy();
    this.http2.close();
  }
}

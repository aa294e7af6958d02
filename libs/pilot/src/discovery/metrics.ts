import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Pilot's metrics with Istio's names. */
export class PilotMetrics {
  readonly xdsClients: Gauge;
  readonly pushes: Counter;
  readonly convergence: Histogram;
  readonly rejects: Counter;
  readonly internalErrors: Counter;
  readonly pushTime: Histogram;
  readonly services: Gauge;
  readonly virtualServices: Gauge;
  readonly conflicts: Gauge;
  readonly generationWarnings: Gauge;
  readonly invalidConfig: Gauge;

  constructor(registry: Registry) {
    const registers = [registry];
    this.xdsClients = new Gauge({ name: 'pilot_xds', help: 'Number of endpoints connected to this pilot using XDS', registers });
    this.pushes = new Counter({ name: 'pilot_xds_pushes', help: 'xDS responses sent to proxies, by type (cds, eds, lds, rds)', labelNames: ['type'], registers });
    this.convergence = new Histogram({
      name: 'pilot_proxy_convergence_time',
      help: 'Delay between a config change and a proxy receiving (and ACKing) all required configuration',
      buckets: [0.1, 0.5, 1, 3, 5, 10, 20, 30],
      registers,
    });
    this.rejects = new Counter({ name: 'pilot_total_xds_rejects', help: 'Total number of XDS responses from pilot rejected by proxy', labelNames: ['type'], registers });
    this.internalErrors = new Counter({ name: 'pilot_total_xds_internal_errors', help: 'Total number of internal XDS errors in pilot (e.g. an inconsistent snapshot)', registers });
    this.pushTime = new Histogram({ name: 'pilot_push_time_seconds', help: 'Time to build and publish the snapshots of one push', labelNames: ['kind'], buckets: [0.01, 0.1, 0.5, 1, 3, 5, 10], registers });
    this.services = new Gauge({ name: 'pilot_services', help: 'Total services known to pilot', registers });
    this.virtualServices = new Gauge({ name: 'pilot_virt_services', help: 'Total virtual services known to pilot', registers });
    this.conflicts = new Gauge({ name: 'pilot_conflict_outbound_listener', help: 'Number of conflicting outbound listeners (protocol or address clashes) in the last push', registers });
    this.generationWarnings = new Gauge({ name: 'pilot_generation_warnings', help: 'Routes or matches skipped in the last push (missing subsets, invalid regex, unknown hosts)', registers });
    this.invalidConfig = new Gauge({ name: 'pilot_total_rejected_configs', help: 'Config resources rejected by validation in the current config', registers });
  }
}

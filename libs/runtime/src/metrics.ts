import { readdirSync } from 'node:fs';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

export { Counter, Gauge, Histogram, Registry, Summary } from 'prom-client';

/**
 * Which process metrics a component exports:
 *  - `default`: prom-client's set (CPU, memory, fds, heap spaces, event-loop lag, GC duration histograms);
 *  - `on-scrape`: CPU, memory, heap, fds and version, all read when scraped — nothing runs between scrapes. The
 *    default set observes every garbage collection (a callback per scavenge, hundreds per second in a busy proxy)
 *    and samples event-loop delay with a 10 ms timer; a sidecar should not pay for that on every request.
 */
export type ProcessMetrics = 'default' | 'on-scrape';

/** A registry per component (never prom-client's global one), with Node.js process metrics. */
export function createMetricsRegistry(processMetrics: ProcessMetrics = 'default'): Registry {
  const registry = new Registry();
  if (processMetrics === 'default') collectDefaultMetrics({ register: registry });
  else registerOnScrapeMetrics(registry);
  return registry;
}

/** Same names and meanings as prom-client's defaults, so dashboards work with either set. */
function registerOnScrapeMetrics(registry: Registry): void {
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  const cpu = () => process.cpuUsage();
  gauge('process_cpu_user_seconds_total', 'Total user CPU time spent in seconds.', () => cpu().user / 1e6);
  gauge('process_cpu_system_seconds_total', 'Total system CPU time spent in seconds.', () => cpu().system / 1e6);
  gauge('process_cpu_seconds_total', 'Total user and system CPU time spent in seconds.', () => {
    const usage = cpu();
    return (usage.user + usage.system) / 1e6;
  });
  const startSeconds = Math.round(Date.now() / 1000 - process.uptime());
  gauge('process_start_time_seconds', 'Start time of the process since unix epoch in seconds.', () => startSeconds);
  gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', () => process.memoryUsage.rss());
  gauge('process_open_fds', 'Number of open file descriptors.', openFds);
  gauge('nodejs_heap_size_total_bytes', 'Process heap size from Node.js in bytes.', () => process.memoryUsage().heapTotal);
  gauge('nodejs_heap_size_used_bytes', 'Process heap size used from Node.js in bytes.', () => process.memoryUsage().heapUsed);
  gauge('nodejs_external_memory_bytes', 'Node.js external memory size in bytes.', () => process.memoryUsage().external);
  new Gauge({ name: 'nodejs_version_info', help: 'Node.js version info.', labelNames: ['version'], registers: [registry] }).labels(process.version).set(1);
}

function openFds(): number {
  try {
    return readdirSync('/proc/self/fd').length - 1; // minus the descriptor readdir itself holds open
  } catch {
    return Number.NaN; // not Linux
  }
}

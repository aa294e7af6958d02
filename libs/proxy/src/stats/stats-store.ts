/**
 * Envoy-style statistics: counters and gauges named like Envoy's (`cluster.<name>.upstream_rq_total`). The data path
 * holds direct references to `Stat` objects resolved at config time and bumps `.value`; nothing is looked up per
 * request. Rendering to `/stats` text and Prometheus happens only when scraped.
 */
export interface Stat {
  value: number;
}

/** The stat the data path bumps, with its kind (one object per stat: there are ~30k in a 1000-cluster config). */
interface Entry extends Stat {
  readonly kind: 'counter' | 'gauge';
}

/** One scope's stats by short name; the scope carries the shared prefix, family prefix and labels. */
interface ScopeEntries {
  readonly scope: StatScope;
  readonly stats: Map<string, Entry>;
}

export type StatsSnapshot = Record<string, { kind: 'counter' | 'gauge'; family: string; labels: string; value: number }>;

/**
 * Stats are held per scope with their short names (shared literals), and full names and Prometheus families are
 * built only when rendered: a 1000-cluster config has ~30k stats, and a full name plus a family string per stat
 * cost megabytes that nothing reads between scrapes.
 */
export class StatsStore {
  private readonly scopes = new Map<string, ScopeEntries>();
  private readonly families = new Map<string, string>();

  counter(scope: StatScope, name: string): Stat {
    return this.get(scope, name, 'counter');
  }

  gauge(scope: StatScope, name: string): Stat {
    return this.get(scope, name, 'gauge');
  }

  private get(scope: StatScope, name: string, kind: 'counter' | 'gauge'): Stat {
    let entries = this.scopes.get(scope.prefix);
    if (!entries) {
      entries = { scope, stats: new Map() };
      this.scopes.set(scope.prefix, entries);
    }
    let entry = entries.stats.get(name);
    if (!entry) {
      entry = { value: 0, kind };
      entries.stats.set(name, entry);
    }
    return entry;
  }

  snapshot(): StatsSnapshot {
    const result: StatsSnapshot = {};
    for (const { scope, stats } of this.scopes.values()) {
      for (const [name, entry] of stats) {
        result[`${scope.prefix}${name}`] = { kind: entry.kind, family: this.family(scope, name), labels: scope.labels, value: entry.value };
      }
    }
    return result;
  }

  /** `envoy_cluster_upstream_rq_total` for (cluster scope, `upstream_rq_total`); one string per family, shared. */
  private family(scope: StatScope, name: string): string {
    const key = `${scope.family}${name}`;
    let family = this.families.get(key);
    if (family === undefined) {
      family = `envoy_${key}`.replace(/[^a-zA-Z0-9_]/g, '_');
      this.families.set(key, family);
    }
    return family;
  }
}

/** A stat name prefix with its Prometheus family prefix and labels, e.g. cluster `outbound|80||a` → `cluster.outbound|80||a.`. */
export interface StatScope {
  readonly prefix: string;
  readonly family: string;
  readonly labels: string;
}

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export function clusterScope(name: string): StatScope {
  return { prefix: `cluster.${name}.`, family: 'cluster_', labels: `envoy_cluster_name="${escapeLabel(name)}"` };
}

export function httpScope(statPrefix: string): StatScope {
  return { prefix: `http.${statPrefix}.`, family: 'http_', labels: `envoy_http_conn_manager_prefix="${escapeLabel(statPrefix)}"` };
}

export function tcpScope(statPrefix: string): StatScope {
  return { prefix: `tcp.${statPrefix}.`, family: 'tcp_', labels: `envoy_tcp_prefix="${escapeLabel(statPrefix)}"` };
}

export function listenerScope(address: string): StatScope {
  return { prefix: `listener.${address}.`, family: 'listener_', labels: `envoy_listener_address="${escapeLabel(address)}"` };
}

export const serverScope: StatScope = { prefix: 'server.', family: 'server_', labels: '' };

/** Adds snapshots from several workers. */
export function mergeSnapshots(snapshots: readonly StatsSnapshot[]): StatsSnapshot {
  const merged: StatsSnapshot = {};
  for (const snapshot of snapshots) {
    for (const [name, entry] of Object.entries(snapshot)) {
      const existing = merged[name];
      if (existing) existing.value += entry.value;
      else merged[name] = { ...entry };
    }
  }
  return merged;
}

/** Envoy's `/stats` text: `name: value`, sorted. */
export function renderStatsText(snapshot: StatsSnapshot, filter?: string): string {
  const names = Object.keys(snapshot).sort();
  const regex = filter ? new RegExp(filter) : undefined;
  return names
    .filter((name) => !regex || regex.test(name))
    .map((name) => `${name}: ${snapshot[name].value}`)
    .join('\n')
    .concat('\n');
}

/** Prometheus exposition with Envoy's names (`envoy_cluster_upstream_rq_total{envoy_cluster_name="..."}`). */
export function renderPrometheus(snapshot: StatsSnapshot): string {
  const families = new Map<string, { kind: string; samples: string[] }>();
  for (const entry of Object.values(snapshot)) {
    let family = families.get(entry.family);
    if (!family) {
      family = { kind: entry.kind, samples: [] };
      families.set(entry.family, family);
    }
    family.samples.push(`${entry.family}${entry.labels ? `{${entry.labels}}` : ''} ${entry.value}`);
  }
  const lines: string[] = [];
  for (const [name, family] of [...families].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`# TYPE ${name} ${family.kind}`, ...family.samples.sort());
  }
  return `${lines.join('\n')}\n`;
}

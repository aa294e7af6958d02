import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XDS_TYPE_NAMES } from '@isthmus/protos';
import type { ProxyEngine } from '../proxy';
import { renderPrometheus, renderStatsText, type StatsSnapshot } from '../stats/stats-store';
import { toEnvoyJson } from './envoy-json';

const ADMIN = 'type.googleapis.com/envoy.admin.v3.';

export interface AdminOptions {
  readonly engine: ProxyEngine;
  readonly host?: string;
  readonly port: number;
  /** Stats of the whole proxy (all workers). */
  readonly stats: () => Promise<StatsSnapshot>;
  readonly node: { id?: string; cluster?: string };
  readonly startedAt: number;
  readonly commandLine: Readonly<Record<string, unknown>>;
  readonly ready: () => boolean;
  /** `/logging`: scope → level; returns the current levels. */
  readonly setLogLevel: (scope: string, level: string) => Record<string, string>;
  readonly quit: () => void;
}

export interface AdminServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Envoy's admin API on 15000 for what the proxy holds: /config_dump, /clusters, /listeners, /stats (+ /prometheus),
 * /ready, /server_info, /memory, /logging, /quitquitquit. Also serves the Prometheus endpoint on 15090 (`/stats/prometheus`).
 */
export async function startAdminServer(options: AdminOptions): Promise<AdminServer> {
  const server = createServer((request, response) => {
    route(options, request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  return listen(server, options.host ?? '127.0.0.1', options.port);
}

/** The Prometheus scrape endpoint alone (Istio's 15090). */
export async function startPrometheusServer(options: { host?: string; port: number; stats: () => Promise<StatsSnapshot> }): Promise<AdminServer> {
  const server = createServer((request, response) => {
    if (!request.url?.startsWith('/stats/prometheus')) {
      response.writeHead(404);
      response.end();
      return;
    }
    options.stats().then(
      (snapshot) => send(response, 200, renderPrometheus(snapshot), 'text/plain; version=0.0.4'),
      (error: unknown) => send(response, 500, String(error)),
    );
  });
  return listen(server, options.host ?? '0.0.0.0', options.port);
}

async function listen(server: Server, host: string, port: number): Promise<AdminServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(response: ServerResponse, status: number, body: string, type = 'text/plain'): void {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

async function route(options: AdminOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://admin');
  const json = url.searchParams.get('format') === 'json';
  const engine = options.engine;
  switch (url.pathname) {
    case '/config_dump':
      return send(response, 200, JSON.stringify(configDump(options), null, 2), 'application/json');
    case '/clusters': {
      const clusters = [...engine.clusters.all()];
      if (json) {
        const statuses = clusters.map((cluster) => ({
          name: cluster.config.name,
          host_statuses: cluster.hosts.map((host) => ({
            address: { socket_address: { address: host.address, port_value: host.port } },
            health_status: { eds_health_status: host.healthy ? 'HEALTHY' : 'UNHEALTHY', failed_outlier_check: host.ejected },
            weight: host.weight,
          })),
        }));
        return send(response, 200, JSON.stringify({ cluster_statuses: statuses }, null, 2), 'application/json');
      }
      const lines: string[] = [];
      for (const cluster of clusters) {
        const name = cluster.config.name;
        const breakers = cluster.config.breakers;
        lines.push(`${name}::default_priority::max_connections::${breakers.maxConnections}`);
        lines.push(`${name}::default_priority::max_pending_requests::${breakers.maxPendingRequests}`);
        lines.push(`${name}::default_priority::max_requests::${breakers.maxRequests}`);
        lines.push(`${name}::default_priority::max_retries::${breakers.maxRetries}`);
        for (const host of cluster.hosts) {
          const flags = [host.healthy ? 'healthy' : '/failed_eds_health', host.ejected ? '/failed_outlier_check' : ''].join('').replace(/^healthy\//, '/');
          lines.push(`${name}::${host.key}::rq_active::${host.activeRequests}`);
          lines.push(`${name}::${host.key}::weight::${host.weight}`);
          lines.push(`${name}::${host.key}::health_flags::${flags}`);
        }
      }
      return send(response, 200, `${lines.join('\n')}\n`);
    }
    case '/listeners': {
      const listeners = engine.listeners.names().map((name) => {
        const listener = engine.listeners.get(name);
        return { name, local_address: { socket_address: { address: listener?.config.address, port_value: listener?.port } } };
      });
      if (json) return send(response, 200, JSON.stringify({ listener_statuses: listeners }, null, 2), 'application/json');
      return send(response, 200, listeners.map((listener) => `${listener.name}::${listener.local_address.socket_address.address}:${listener.local_address.socket_address.port_value}`).join('\n') + '\n');
    }
    case '/stats': {
      const snapshot = await options.stats();
      if (json) return send(response, 200, JSON.stringify({ stats: Object.entries(snapshot).map(([name, entry]) => ({ name, value: entry.value })) }), 'application/json');
      return send(response, 200, renderStatsText(snapshot, url.searchParams.get('filter') ?? undefined));
    }
    case '/stats/prometheus':
      return send(response, 200, renderPrometheus(await options.stats()), 'text/plain; version=0.0.4');
    case '/ready':
      return options.ready() ? send(response, 200, 'LIVE\n') : send(response, 503, 'PRE_INITIALIZING\n');
    case '/server_info':
      return send(
        response,
        200,
        JSON.stringify(
          {
            version: 'isthmus/1.3.0',
            state: options.ready() ? 'LIVE' : 'PRE_INITIALIZING',
            uptime_current_epoch: `${Math.floor((Date.now() - options.startedAt) / 1000)}s`,
            node: options.node,
            command_line_options: options.commandLine,
          },
          null,
          2,
        ),
        'application/json',
      );
    case '/memory': {
      // Envoy's shape (tcmalloc figures as decimal strings), filled from V8's heap and the process RSS.
      const usage = process.memoryUsage();
      const memory = { allocated: String(usage.heapUsed), heap_size: String(usage.heapTotal), total_physical_bytes: String(usage.rss) };
      return send(response, 200, JSON.stringify(memory, null, 2), 'application/json');
    }
    case '/logging': {
      if (request.method !== 'POST' && [...url.searchParams.keys()].length > 0) return send(response, 405, 'use POST to change log levels\n');
      let levels: Record<string, string> = {};
      try {
        for (const [scope, level] of url.searchParams) levels = options.setLogLevel(scope === 'level' ? 'default' : scope, level);
        if ([...url.searchParams.keys()].length === 0) levels = options.setLogLevel('', '');
      } catch (error: unknown) {
        return send(response, 400, `${error instanceof Error ? error.message : String(error)}\n`);
      }
      return send(response, 200, `active loggers:\n${Object.entries(levels).map(([scope, level]) => `  ${scope}: ${level}`).join('\n')}\n`);
    }
    case '/quitquitquit':
      if (request.method !== 'POST') return send(response, 405, 'use POST\n');
      send(response, 200, 'OK\n');
      options.quit();
      return;
    default:
      return send(response, 404, `unknown admin path ${url.pathname}; try /config_dump /clusters /listeners /stats /ready /server_info /memory /logging /quitquitquit\n`);
  }
}

function configDump(options: AdminOptions) {
  const held = options.engine.held;
  return {
    configs: [
      { '@type': `${ADMIN}BootstrapConfigDump`, bootstrap: { node: options.node } },
      {
        '@type': `${ADMIN}ClustersConfigDump`,
        dynamic_active_clusters: [...held.clusters.values()].map((entry) => ({
          version_info: entry.version,
          cluster: { '@type': `type.googleapis.com/${XDS_TYPE_NAMES.cluster}`, ...(toEnvoyJson(XDS_TYPE_NAMES.cluster, entry.value) as object) },
          last_updated: entry.lastUpdated,
        })),
      },
      {
        '@type': `${ADMIN}ListenersConfigDump`,
        dynamic_listeners: [...held.listeners.values()].map((entry) => ({
          name: entry.name,
          active_state: {
            version_info: entry.version,
            listener: { '@type': `type.googleapis.com/${XDS_TYPE_NAMES.listener}`, ...(toEnvoyJson(XDS_TYPE_NAMES.listener, entry.value) as object) },
            last_updated: entry.lastUpdated,
          },
        })),
      },
      {
        '@type': `${ADMIN}RoutesConfigDump`,
        dynamic_route_configs: [...held.routes.values()].map((entry) => ({
          version_info: entry.version,
          route_config: { '@type': `type.googleapis.com/${XDS_TYPE_NAMES.route}`, ...(toEnvoyJson(XDS_TYPE_NAMES.route, entry.value) as object) },
          last_updated: entry.lastUpdated,
        })),
      },
      {
        '@type': `${ADMIN}EndpointsConfigDump`,
        dynamic_endpoint_configs: [...held.endpoints.values()].map((entry) => ({
          version_info: entry.version,
          endpoint_config: { '@type': `type.googleapis.com/${XDS_TYPE_NAMES.endpoint}`, ...(toEnvoyJson(XDS_TYPE_NAMES.endpoint, entry.value) as object) },
          last_updated: entry.lastUpdated,
        })),
      },
    ],
  };
}

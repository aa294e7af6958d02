import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { createOriginalDstResolver, parseAppProbersJson, registerStatusRoutes } from '@isthmus/agent';
import { buildNode, ProxyEngine, startAdminServer, startPrometheusServer, XdsSubscriber, type XdsSink } from '@isthmus/proxy';
import { createComponentRuntime, type FlagValues } from '@isthmus/runtime';
import type { proxyFlags } from './cli';
import { runWorker, WorkerPool } from './workers';

export type ProxyFlags = FlagValues<typeof proxyFlags>;

/**
 * `gateway proxy sidecar|router`: the agent (status port, app probes, node identity) and the proxy. With
 * --concurrency > 1 this process holds and validates config (ADS, admin, ACK/NACK) and node:cluster workers carry
 * the traffic, each applying the same accepted config.
 */
export async function runProxy(mode: 'sidecar' | 'router', flags: ProxyFlags): Promise<void> {
  const workers = flags.concurrency === 0 ? availableParallelism() : flags.concurrency;
  if (cluster.isWorker) {
    await runWorker(engineOptions(flags));
    return;
  }
  // Process metrics read on scrape: the default set's per-GC callback would run hundreds of times a second under load.
  const runtime = createComponentRuntime({ name: `gateway-${mode}`, opsAddress: `:${flags.statusPort}`, processMetrics: 'on-scrape', ...flags });
  const logger = runtime.logs.scope('proxy');
  const multi = workers > 1;
  const engine = new ProxyEngine({ ...engineOptions(flags), bindListeners: !multi, onError: (what, error) => logger.error({ err: error }, `${what} failed`) });
  const pool = multi ? new WorkerPool(workers, engine, runtime.logs.scope('workers')) : undefined;
  const sink: XdsSink = pool ?? engine;

  const namespace = flags.podNamespace;
  let labels: Record<string, string> = {};
  try {
    labels = JSON.parse(flags.labels) as Record<string, string>;
  } catch {
    logger.warn({ labels: flags.labels }, 'ignoring labels that are not a JSON object');
  }
  const node = buildNode({
    type: mode,
    ip: flags.ip,
    id: `${flags.podName}.${namespace}`,
    namespace,
    domain: flags.domain || `${namespace}.svc.cluster.local`,
    serviceCluster: flags.serviceCluster,
    labels,
    interceptionMode: flags.localMode ? 'NONE' : 'REDIRECT',
  });
  const xds = new XdsSubscriber(sink, {
    address: flags.discoveryAddress,
    node,
    logger: runtime.logs.scope('ads'),
    onConnectionChange: (connected) => logger.info({ connected, discoveryAddress: flags.discoveryAddress }, 'ADS connection'),
  });

  const readiness = () => {
    if (!xds.status().some((status) => status.typeUrl.endsWith('Cluster') && status.acks > 0)) return { ready: false as const, reason: 'no CDS received' };
    if (!engine.ready) return { ready: false as const, reason: `waiting for ${engine.clusters.warming().length ? 'endpoints' : 'listeners'}` };
    if (pool && !pool.ready) return { ready: false as const, reason: 'workers have not bound the listeners yet' };
    return { ready: true as const };
  };
  runtime.readiness.register('proxy', () => {
    const state = readiness();
    return state.ready ? undefined : state.reason;
  });
  const { probers, errors } = parseAppProbersJson(flags.appProbers || undefined);
  for (const error of errors) logger.warn(error, 'ignoring app prober');
  registerStatusRoutes(runtime.ops, {
    readiness,
    appProbers: probers,
    shutdown: () => runtime.shutdown.shutdown('quitquitquit'),
    logger: runtime.logs.scope('status'),
  });

  const stats = async () => (pool ? pool.stats() : engine.stats.snapshot());
  const startedAt = Date.now();
  const admin = await startAdminServer({
    engine,
    port: flags.proxyAdminPort,
    stats,
    node: { id: node.id, cluster: node.cluster },
    startedAt,
    commandLine: { mode, ...flags },
    ready: () => readiness().ready,
    setLogLevel: (scope, level) => {
      if (scope) runtime.logs.setLevel(scope, level as Parameters<typeof runtime.logs.setLevel>[1]);
      return { default: String(runtime.logger.level) };
    },
    quit: () => void runtime.shutdown.shutdown('quitquitquit'),
  });
  // Prometheus is a convenience port (the same text is on the admin API): a clash must not stop the proxy.
  const prometheus =
    flags.prometheusPort > 0
      ? await startPrometheusServer({ port: flags.prometheusPort, stats }).catch((error: unknown) => {
          logger.error({ err: error, port: flags.prometheusPort }, 'cannot serve /stats/prometheus; it stays available on the admin port');
          return undefined;
        })
      : undefined;
  await runtime.start();
  xds.start();
  logger.info({ mode, node: node.id, admin: admin.port, workers, localMode: flags.localMode }, 'proxy started');

  // Ordered drain on SIGTERM: stop taking config, let listeners drain, then close admin.
  runtime.shutdown.onShutdown('admin', () => admin.close());
  if (prometheus) runtime.shutdown.onShutdown('prometheus', () => prometheus.close());
  runtime.shutdown.onShutdown('proxy', async () => {
    xds.close();
    await pool?.close(Math.min(flags.drainDuration, 5_000));
    await engine.close(Math.min(flags.drainDuration, 5_000));
  });
}

function engineOptions(flags: ProxyFlags) {
  const resolver = flags.localMode ? undefined : createOriginalDstResolver();
  return {
    drainMs: flags.drainDuration,
    bindVirtualListeners: flags.localMode,
    virtualBindAddress: flags.localBindAddress,
    originalDestination: resolver ? (socket: Parameters<typeof resolver.originalDestination>[0]) => resolver.originalDestination(socket) : undefined,
  };
}

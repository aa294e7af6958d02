import { Gauge, Registry } from 'prom-client';
import { durationFlag, stringFlag } from './flags';
import { LogScopes, Logger, parseLogLevels } from './logging';
import { createMetricsRegistry, type ProcessMetrics } from './metrics';
import { createOpsServer, OpsServer, parseListenAddress } from './ops-server';
import { Readiness } from './readiness';
import { ShutdownCoordinator } from './shutdown';
import { buildInfo } from './version';

/** Flags every long-running component has, spread into its command's flag set. */
export const componentFlags = {
  logLevel: stringFlag({
    name: 'log_output_level',
    env: 'LOG_OUTPUT_LEVEL',
    default: 'default:info',
    description: 'Comma-separated scope:level pairs (levels: trace, debug, info, warn, error, fatal)',
  }),
  shutdownDrain: durationFlag({
    name: 'shutdownDrainDuration',
    default: '1s',
    description: 'How long to report not-ready before closing servers on SIGTERM',
  }),
  shutdownDeadline: durationFlag({
    name: 'shutdownDeadline',
    default: '10s',
    description: 'Hard limit for graceful shutdown; the process exits with code 1 past it',
  }),
} as const;

export interface ComponentOptions {
  readonly name: string;
  readonly logLevel: string;
  /** Address of the ops server (`/healthz`, `/ready`, `/metrics`, `/version`), e.g. `:15014`. */
  readonly opsAddress: string;
  readonly shutdownDrain: number;
  readonly shutdownDeadline: number;
  /** Process metrics on /metrics (see ProcessMetrics); `default` unless the component's hot path is allocation-bound. */
  readonly processMetrics?: ProcessMetrics;
}

/** The pieces every component is wired from: logs, metrics, readiness, ops server and shutdown. */
export interface ComponentRuntime {
  readonly name: string;
  readonly logs: LogScopes;
  readonly logger: Logger;
  readonly registry: Registry;
  readonly readiness: Readiness;
  readonly ops: OpsServer;
  readonly shutdown: ShutdownCoordinator;
  /** Binds the ops server and installs signal handlers; resolves with the bound ops port. */
  start(): Promise<number>;
}

export function createComponentRuntime(options: ComponentOptions): ComponentRuntime {
  const levels = parseLogLevels(options.logLevel);
  if (!levels.ok) throw new Error(`--log_output_level: ${levels.error}`);
  const listen = parseListenAddress(options.opsAddress);
  const logs = new LogScopes(options.name, levels.levels);
  const logger = logs.root;
  const registry = createMetricsRegistry(options.processMetrics);
  const info = buildInfo(options.name);
  new Gauge({
    name: 'isthmus_build_info',
    help: 'Build information of this component',
    labelNames: ['component', 'version', 'istio_compat'],
    registers: [registry],
  })
    .labels(info.component, info.version, info.istioCompat)
    .set(1);
  const readiness = new Readiness();
  const ops = createOpsServer({ logger, registry, readiness, info });
  const shutdown = new ShutdownCoordinator({
    logger,
    readiness,
    drainMs: options.shutdownDrain,
    deadlineMs: options.shutdownDeadline,
    exit: (code) => process.exit(code),
  });
  return {
    name: options.name,
    logs,
    logger,
    registry,
    readiness,
    ops,
    shutdown,
    async start() {
      const port = await ops.listen(listen);
      shutdown.onShutdown('ops-server', () => ops.close());
      shutdown.listen(process);
      logger.info({ ops: `${listen.host}:${port}`, version: info.version }, `${options.name} ops server listening`);
      return port;
    },
  };
}

/**
 * Runs a component that so far has only its ops surface (`/healthz`, `/ready`, `/metrics`, `/version`); the log
 * says so, so nothing is presented as working before it works.
 */
export async function serveOpsOnly(options: ComponentOptions): Promise<ComponentRuntime> {
  const runtime = createComponentRuntime(options);
  await runtime.start();
  runtime.logger.warn(`${options.name} is not implemented yet: serving only its ops endpoints`);
  return runtime;
}

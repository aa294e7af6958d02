import Fastify, { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { Logger } from './logging';
import { Readiness } from './readiness';
import { BuildInfo } from './version';

export interface OpsServerOptions {
  readonly logger: Logger;
  readonly registry: Registry;
  readonly readiness: Readiness;
  readonly info: BuildInfo;
}

/**
 * The operations HTTP surface every component has: `/healthz` (the process is alive), `/ready` (registered checks),
 * `/metrics` (Prometheus text) and `/version`. Components add their debug routes to `server` before listening.
 */
export function createOpsServer(options: OpsServerOptions): FastifyInstance {
  // Request lines are info-level noise on a scraped endpoint; only problems are logged.
  const loggerInstance: FastifyBaseLogger = options.logger.child({ scope: 'ops' }, { level: 'warn' });
  const server: FastifyInstance = Fastify({ loggerInstance });
  server.get('/healthz', async () => ({ status: 'ok' }));
  server.get('/ready', async (_request, reply) => {
    const report = options.readiness.report();
    return reply.code(report.ready ? 200 : 503).send(report);
  });
  server.get('/metrics', async (_request, reply) =>
    reply.header('content-type', options.registry.contentType).send(await options.registry.metrics()),
  );
  server.get('/version', async () => options.info);
  return server;
}

/** `host:port`, `:port` (all interfaces) or a bare port → what fastify's listen wants. */
export function parseListenAddress(address: string): { host: string; port: number } {
  const colon = address.lastIndexOf(':');
  const hostPart = colon < 0 ? '' : address.slice(0, colon).replace(/^\[|\]$/g, '');
  const port = Number(colon < 0 ? address : address.slice(colon + 1));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid listen address "${address}": bad port`);
  return { host: hostPart === '' ? '0.0.0.0' : hostPart, port };
}

import { isIP } from 'node:net';
import { Logger, OpsServer, textReply } from '@isthmus/runtime';
import { runAppProbe } from './app-probe';
import { AppProbers } from './app-probers';

/** Whether the proxy can take traffic; `reason` says what is missing when it cannot. */
export type ProxyReadiness = { readonly ready: true } | { readonly ready: false; readonly reason: string };

export interface StatusRoutesOptions {
  /** Supplied by the gateway: true once config is received and listeners are bound. */
  readonly readiness: () => ProxyReadiness | Promise<ProxyReadiness>;
  /** Rewritten app probes (parseAppProbers of ISTIO_KUBE_APP_PROBERS); none by default. */
  readonly appProbers?: AppProbers;
  /** Called by POST /quitquitquit (jobs end their sidecar this way); the route answers before it runs. */
  readonly shutdown?: () => void | Promise<void>;
  /** Address the app is probed on; loopback in a pod. */
  readonly appHost?: string;
  readonly logger?: Logger;
}

/**
 * The agent's status port (15020) routes, added to an ops server (a fresh one from createStatusServer, or the
 * component's own):
 *  - GET /healthz/ready: 200 when the proxy is ready, else 503 with the reason (the sidecar's readiness probe);
 *  - GET /app-health/<container>/livez|readyz|startupz: the app's rewritten probe, answered with the app's status code,
 *    503 when it cannot be reached in time, 404 for a probe that was not configured;
 *  - POST /quitquitquit: asks the proxy to exit (beyond Istio 1.3: lets a Job's pod finish), loopback callers only.
 */
export function registerStatusRoutes(app: OpsServer, options: StatusRoutesOptions): void {
  const probers = options.appProbers?.byPath ?? new Map();
  const appHost = options.appHost ?? '127.0.0.1';
  const logger = options.logger;

  app.get('/healthz/ready', async () => {
    let state: ProxyReadiness;
    try {
      state = await options.readiness();
    } catch (error) {
      state = { ready: false, reason: `readiness check failed: ${(error as Error).message}` };
    }
    return state.ready ? textReply(200, 'ready\n') : textReply(503, `not ready: ${state.reason}\n`);
  });

  app.get('/app-health/*', async (request) => {
    const probe = probers.get(request.path);
    if (!probe) return textReply(404, `no app probe configured for ${request.path}\n`);
    const outcome = await runAppProbe(probe, { host: appHost, incomingHeaders: request.headers });
    if (outcome.ok) return textReply(outcome.status, `app answered ${outcome.status}\n`);
    logger?.debug({ path: request.path, reason: outcome.reason }, 'app probe failed');
    return textReply(503, `app probe failed: ${outcome.reason}\n`);
  });

  app.post('/quitquitquit', (request) => {
    if (!isLoopbackAddress(request.remoteAddress)) return textReply(403, 'quitquitquit is only accepted from localhost\n');
    if (!options.shutdown) return textReply(501, 'no shutdown hook configured\n');
    const shutdown = options.shutdown;
    logger?.info('quitquitquit: shutting down on request');
    // Answer first: the caller (a finished job) should not see a reset connection.
    return textReply(200, 'OK\n', () => {
      Promise.resolve()
        .then(shutdown)
        .catch((error: unknown) => logger?.error({ err: error }, 'quitquitquit: shutdown hook failed'));
    });
  });
}

/** A standalone status server with only the routes above (the gateway listens on --statusPort). */
export function createStatusServer(options: StatusRoutesOptions): OpsServer {
  const app = new OpsServer(options.logger?.child({ scope: 'status' }));
  registerStatusRoutes(app, options);
  return app;
}

/** 127/8, ::1 and their v4-mapped forms (`::ffff:127.0.0.1`). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(plain) === 4) return plain.startsWith('127.');
  return plain === '::1';
}

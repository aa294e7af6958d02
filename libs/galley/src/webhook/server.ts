import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import type { Server as HttpsServer } from 'node:https';
import fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from '@isthmus/runtime';
import { Counter, type Registry } from 'prom-client';
import { admit, parseReview, reviewResponse, type WebhookEndpoint } from './admission';

export interface WebhookServerOptions {
  readonly host: string;
  readonly port: number;
  readonly certFile: string;
  readonly keyFile: string;
  readonly logger: Logger;
  readonly registry?: Registry;
  /** How often the certificate files are checked for changes. */
  readonly certPollMs?: number;
}

/**
 * The validating admission webhook: HTTPS (fastify) with `/admitpilot` and `/admitmixer`; the serving certificate is
 * re-read when its files change, so a rotated certificate applies without a restart.
 */
export class WebhookServer {
  private readonly app: FastifyInstance<HttpsServer>;
  private readonly decisions: Counter | undefined;

  constructor(private readonly options: WebhookServerOptions) {
    this.app = fastify({
      https: this.readIdentity(),
      logger: false,
      bodyLimit: 8 * 1024 * 1024,
    }) as unknown as FastifyInstance<HttpsServer>;
    this.decisions = options.registry
      ? new Counter({
          name: 'galley_validation_http_requests_total',
          help: 'Admission requests by endpoint and outcome',
          labelNames: ['endpoint', 'allowed'],
          registers: [options.registry],
        })
      : undefined;
    for (const endpoint of ['pilot', 'mixer'] as const) this.route(endpoint);
    this.app.get('/ready', async () => ({ ready: true }));
  }

  async start(): Promise<number> {
    await this.app.listen({ host: this.options.host, port: this.options.port });
    const poll = this.options.certPollMs ?? 2000;
    for (const file of [this.options.certFile, this.options.keyFile])
      watchFile(file, { interval: poll }, () => this.reloadIdentity());
    const address = this.app.server.address();
    const port = typeof address === 'object' && address ? address.port : this.options.port;
    this.options.logger.info({ port }, 'validation webhook listening');
    return port;
  }

  async stop(): Promise<void> {
    for (const file of [this.options.certFile, this.options.keyFile]) unwatchFile(file);
    await this.app.close();
  }

  private route(endpoint: WebhookEndpoint): void {
    this.app.post(`/admit${endpoint}`, async (request, reply) => {
      const parsed = parseReview(request.body);
      if (!parsed.ok) return reply.code(400).send({ error: parsed.error });
      const verdict = admit(parsed.request, endpoint);
      this.decisions?.labels(endpoint, String(verdict.allowed)).inc();
      if (!verdict.allowed) {
        const { kind, namespace, name, operation } = { ...parsed.request, kind: parsed.request.kind?.kind };
        this.options.logger.info(
          { endpoint, kind, namespace, name, operation, reason: verdict.message },
          'admission denied',
        );
      }
      return reviewResponse(parsed.apiVersion, parsed.request.uid, verdict);
    });
  }

  private readIdentity(): { cert: Buffer; key: Buffer } {
    return { cert: readFileSync(this.options.certFile), key: readFileSync(this.options.keyFile) };
  }

  private reloadIdentity(): void {
    try {
      this.app.server.setSecureContext(this.readIdentity());
      this.options.logger.info({ certFile: this.options.certFile }, 'webhook serving certificate reloaded');
    } catch (error: unknown) {
      // A half-written pair (cert updated before key) fails here; the next change event retries.
      this.options.logger.warn({ err: error }, 'webhook certificate reload failed; keeping the previous one');
    }
  }
}

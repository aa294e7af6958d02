import { readFileSync } from 'node:fs';
import type { KubeConfig } from '@kubernetes/client-node';
import { createEventPublisher, type EventPublisher } from '@isthmus/events';
import { GrpcServer, serverCredentials, type ServerTlsOptions } from '@isthmus/grpc';
import { McpSourceService, mcpSourceMetrics, SnapshotCache } from '@isthmus/mcp';
import type { LogScopes, OpsServer, Readiness } from '@isthmus/runtime';
import type { Registry } from 'prom-client';
import { ConfigAuditPublisher, CONFIG_EVENTS_TOPIC } from './audit';
import { IstioConfigSchema } from './config-schema';
import { debugReport } from './debug';
import type { ConfigSource } from './model';
import { ConfigPipeline, type StatusReporter } from './pipeline';
import { DeferredSource } from './sources/deferred-source';
import { FileSource } from './sources/file-source';
import { WebhookServer } from './webhook/server';

export interface GalleyOptions {
  readonly logs: LogScopes;
  readonly registry: Registry;
  readonly readiness?: Readiness;
  /** Ops server to add `/debug/mcp` to (before it starts). */
  readonly ops?: OpsServer;
  /** Config sources given directly (tests, benchmarks); otherwise built from configPath or kubeConfig. */
  readonly sources?: readonly ConfigSource[];
  /** Directory of config files; when set, files are the config source (local mode). */
  readonly configPath?: string;
  /** API server access; the config source when no configPath is given, and needed by the webhook registration. */
  readonly kubeConfig?: KubeConfig;
  readonly mcp?: { readonly address: string; readonly tls?: ServerTlsOptions };
  readonly webhook?: {
    readonly host: string;
    readonly port: number;
    readonly certFile: string;
    readonly keyFile: string;
    /** Write the ValidatingWebhookConfiguration (needs kubeConfig and caCertFile). */
    readonly reconcile?: {
      readonly name: string;
      readonly caCertFile: string;
      readonly url?: string;
      readonly namespace: string;
    };
  };
  readonly debounce?: { readonly quietMs: number; readonly maxDelayMs: number };
  readonly kafka?: { readonly brokers: readonly string[]; readonly topic?: string };
  /** Write a `Valid` status condition on rejected Kubernetes resources. */
  readonly writeStatus?: boolean;
  readonly filePollMs?: number;
  /** Replays the Kubernetes caches at this interval (0 = never), as Istio's --resyncPeriod. */
  readonly resyncMs?: number;
}

export interface GalleyPorts {
  readonly mcp?: number;
  readonly webhook?: number;
}

/** Galley composed: sources → validation pipeline → snapshot → MCP server; webhook; config audit; ops. */
export class GalleyServer {
  readonly cache = new SnapshotCache();
  readonly schema = new IstioConfigSchema();
  readonly pipeline: ConfigPipeline;
  readonly mcp: McpSourceService | undefined;
  private readonly sources: ConfigSource[];
  private readonly grpc: GrpcServer | undefined;
  private readonly webhook: WebhookServer | undefined;
  private readonly events: EventPublisher;
  /** Writes status conditions once start() has loaded the Kubernetes module; nothing is processed before that. */
  private statusReporter: StatusReporter | undefined;
  private readonly writesStatus: boolean;

  constructor(private readonly options: GalleyOptions) {
    const { logs, registry } = options;
    this.writesStatus = Boolean(options.writeStatus && options.kubeConfig && !options.configPath);
    this.sources = options.sources
      ? [...options.sources]
      : options.configPath
        ? [
            new FileSource({
              dir: options.configPath,
              schema: this.schema,
              logger: logs.scope('source'),
              pollMs: options.filePollMs,
            }),
          ]
        : options.kubeConfig
          ? [this.kubeSource(options.kubeConfig)]
          : [];
    if (this.sources.length === 0) throw new Error('galley: no config source: give --configPath or a kubeconfig');
    this.events = createEventPublisher({
      brokers: options.kafka?.brokers ?? [],
      topic: options.kafka?.topic ?? CONFIG_EVENTS_TOPIC,
      clientId: 'galley',
      logger: logs.scope('audit'),
      registry,
    });
    this.pipeline = new ConfigPipeline({
      sources: this.sources,
      schema: this.schema,
      cache: this.cache,
      logger: logs.scope('processing'),
      registry,
      debounce: options.debounce,
      changes: new ConfigAuditPublisher(this.events),
      status: this.writesStatus ? { report: (...args) => this.statusReporter?.report(...args) } : undefined,
    });
    if (options.mcp) {
      this.mcp = new McpSourceService({
        reader: this.cache,
        logger: logs.scope('mcp'),
        collections: this.schema.kinds().map((kind) => kind.collection),
        hooks: mcpSourceMetrics(registry, 'galley'),
      });
      this.grpc = new GrpcServer({ logger: logs.scope('grpc'), registry });
      this.grpc.addService('istio.mcp.v1alpha1.ResourceSource', this.mcp.definition(), this.mcp.handlers());
    }
    if (options.webhook) {
      this.webhook = new WebhookServer({ ...options.webhook, logger: logs.scope('validation'), registry });
    }
    options.ops?.get('/debug/mcp', async () => this.debug());
  }

  /** Starts serving; `/ready` turns true once every source has synced and the first snapshot is published. */
  async start(): Promise<GalleyPorts> {
    const gate = this.options.readiness?.gate('config-sources', 'config sources have not finished their initial sync');
    const webhookPort = await this.webhook?.start();
    const { kubeConfig } = this.options;
    // Loaded only with a kubeconfig: the Kubernetes client costs ~70 MB of RSS at import (see kubernetes.ts).
    const kube = kubeConfig ? await import('./kubernetes') : undefined;
    if (kube && kubeConfig && this.writesStatus) {
      this.statusReporter = new kube.KubeStatusReporter(kubeConfig, this.options.logs.scope('status'));
    }
    const reconcile = this.options.webhook?.reconcile;
    if (reconcile && kube && kubeConfig) {
      const configuration = kube.buildWebhookConfiguration({
        name: reconcile.name,
        caBundlePem: readFileSync(reconcile.caCertFile, 'utf8'),
        url: reconcile.url,
        service: { namespace: reconcile.namespace, name: 'istio-galley', port: 443 },
      });
      await kube.applyWebhookConfiguration(kubeConfig, configuration, this.options.logs.scope('validation'));
    }
    const mcpPort = this.options.mcp
      ? await this.grpc?.listen(this.options.mcp.address, serverCredentials({ tls: this.options.mcp.tls }))
      : undefined;
    await this.pipeline.start();
    gate?.markReady();
    this.options.logs.root.info(
      { mcpPort, webhookPort, sources: this.sources.map((source) => source.name) },
      'galley serving',
    );
    return { mcp: mcpPort, webhook: webhookPort };
  }

  async stop(): Promise<void> {
    this.mcp?.close();
    await this.grpc?.shutdown(1000);
    await this.webhook?.stop();
    await this.pipeline.stop();
    await this.events.stop(2000);
  }

  private kubeSource(kubeConfig: KubeConfig): ConfigSource {
    const { logs, resyncMs } = this.options;
    return new DeferredSource('kubernetes', async () => {
      const { KubeSource } = await import('./kubernetes');
      return new KubeSource({ kubeConfig, schema: this.schema, logger: logs.scope('source'), resyncMs });
    });
  }

  /** What `/debug/mcp` serves. */
  debug(): ReturnType<typeof debugReport> {
    return debugReport({
      snapshot: this.cache.current().snapshot,
      sinks: this.mcp?.sinks() ?? [],
      rejections: this.pipeline.rejections(),
      sources: this.sources,
    });
  }

  auditStats() {
    return this.events.stats();
  }
}

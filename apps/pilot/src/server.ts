import { existsSync, readFileSync } from 'node:fs';
import { parseMeshConfig } from '@isthmus/config-model';
import type { ResolvedMeshConfig } from '@isthmus/config-model';
import { GrpcServer, serverCredentials } from '@isthmus/grpc';
import { ConfigSource, DiscoveryService, FileConfigSource, McpConfigSource, MemoryRegistry, ServiceRegistry, debugHandlers } from '@isthmus/pilot';
import { ComponentRuntime, createComponentRuntime, parseListenAddress } from '@isthmus/runtime';
import { AdsServer, MemorySnapshotCache } from '@isthmus/xds';
import fastify, { FastifyInstance } from 'fastify';

/** Everything `pilot discovery` is configured with (flags parsed in cli.ts). */
export interface PilotConfig {
  readonly grpcAddr: string;
  readonly secureGrpcAddr: string;
  readonly httpAddr: string;
  readonly monitoringAddr: string;
  readonly configDir: string;
  readonly registries: readonly string[];
  readonly meshConfig: string;
  readonly kubeconfig: string;
  readonly domain: string;
  readonly certDir: string;
  readonly mcpServerAddrs: readonly string[];
  readonly defaultNamespace: string;
  readonly debounceAfter: number;
  readonly debounceMax: number;
  readonly logLevel: string;
  readonly shutdownDrain: number;
  readonly shutdownDeadline: number;
}

export interface RunningPilot {
  readonly runtime: ComponentRuntime;
  readonly discovery: DiscoveryService;
  readonly memory?: MemoryRegistry;
  readonly grpcPort: number;
  readonly securePort?: number;
  readonly httpPort: number;
  readonly opsPort: number;
  close(): Promise<void>;
}

/** Wires registries, config sources, the discovery core, the ADS server, debug and ops servers. */
export async function startPilot(config: PilotConfig): Promise<RunningPilot> {
  const runtime = createComponentRuntime({ name: 'pilot', opsAddress: config.monitoringAddr, logLevel: config.logLevel, shutdownDrain: config.shutdownDrain, shutdownDeadline: config.shutdownDeadline });
  const logger = runtime.logger;
  const ready = runtime.readiness.gate('discovery', 'initial push not done');
  const mesh = loadMesh(config.meshConfig, runtime);

  const registries: ServiceRegistry[] = [];
  const sources: ConfigSource[] = [];
  let memory: MemoryRegistry | undefined;
  for (const name of config.registries) {
    if (name === 'Memory' || name === 'MockConfig') registries.push((memory = new MemoryRegistry()));
    else if (name === 'Kubernetes') {
      const { startKubernetesRegistry } = await import('./kubernetes');
      // Without Galley (MCP) or a config directory, Istio config is read from the CRDs directly.
      const watchCrds = !config.configDir && !config.registries.includes('MCP');
      const kube = await startKubernetesRegistry({ kubeconfig: config.kubeconfig, domain: config.domain, mesh, runtime, watchCrds });
      if (kube.crdSource) sources.push(kube.crdSource);
      registries.push(kube.registry);
    }
    else if (name === 'MCP') {
      const address = config.mcpServerAddrs[0] ?? mesh.configSources?.[0]?.address;
      if (!address) throw new Error('--registries MCP needs --mcpServerAddrs or mesh configSources[].address');
      sources.push(new McpConfigSource({ address, sinkId: `pilot-${process.pid}`, mesh, logger: runtime.logs.scope('mcp') }));
    }
    else throw new Error(`--registries: unknown registry "${name}" (expected Kubernetes, MCP, Memory)`);
  }
  if (config.configDir) {
    sources.push(new FileConfigSource({ dir: config.configDir, mesh, defaultNamespace: config.defaultNamespace, logger: runtime.logs.scope('config') }));
  }

  const cache = new MemorySnapshotCache();
  const discovery = new DiscoveryService({
    cache,
    registries,
    configSources: sources,
    mesh,
    domain: config.domain,
    logger: runtime.logs.scope('model'),
    metrics: runtime.registry,
    debounceAfterMs: config.debounceAfter,
    debounceMaxMs: config.debounceMax,
  });
  const ads = new AdsServer({ cache, callbacks: discovery.callbacks, logger: runtime.logs.scope('ads'), controlPlaneId: 'isthmus-pilot' });
  await discovery.start();

  const grpc = new GrpcServer({ logger: runtime.logs.scope('grpc'), registry: runtime.registry });
  const { definition, implementation } = ads.service();
  grpc.addService(AdsServer.SERVICE_NAME, definition, implementation);
  const grpcPort = await grpc.listen(config.grpcAddr, serverCredentials());
  let securePort: number | undefined;
  let secureGrpc: GrpcServer | undefined;
  if (config.secureGrpcAddr) {
    const tls = { certFile: `${config.certDir}/cert-chain.pem`, keyFile: `${config.certDir}/key.pem`, caFile: `${config.certDir}/root-cert.pem`, requireClientCert: true };
    if (existsSync(tls.certFile) && existsSync(tls.keyFile) && existsSync(tls.caFile)) {
      secureGrpc = new GrpcServer({ logger: runtime.logs.scope('grpc'), registry: runtime.registry });
      secureGrpc.addService(AdsServer.SERVICE_NAME, definition, implementation);
      securePort = await secureGrpc.listen(config.secureGrpcAddr, serverCredentials({ tls }));
    } else {
      logger.warn({ certDir: config.certDir }, `no workload certificate in ${config.certDir}: mTLS ADS (--secureGrpcAddr ${config.secureGrpcAddr}) disabled`);
    }
  }

  const debug = debugServer(discovery, cache, ads);
  const httpListen = parseListenAddress(config.httpAddr);
  await debug.listen(httpListen);
  const httpAddress = debug.server.address();
  const httpPort = typeof httpAddress === 'object' && httpAddress ? httpAddress.port : httpListen.port;

  runtime.shutdown.onShutdown('ads', async () => {
    ads.close();
    await grpc.shutdown(2_000);
    await secureGrpc?.shutdown(2_000);
  });
  runtime.shutdown.onShutdown('debug-server', () => debug.close());
  runtime.shutdown.onShutdown('discovery', async () => {
    discovery.close();
    for (const source of sources) await source.close();
  });
  const opsPort = await runtime.start();
  ready.markReady();
  logger.info({ grpc: grpcPort, secureGrpc: securePort, http: httpPort, configDir: config.configDir || undefined, registries: config.registries }, 'pilot discovery ready');
  return {
    runtime,
    discovery,
    memory,
    grpcPort,
    securePort,
    httpPort,
    opsPort,
    close: async () => {
      ads.close();
      discovery.close();
      await grpc.shutdown(1_000);
      await secureGrpc?.shutdown(1_000);
      await debug.close();
      await runtime.ops.close();
      for (const source of sources) await source.close();
    },
  };
}

function loadMesh(path: string, runtime: ComponentRuntime): ResolvedMeshConfig {
  const text = path && existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (path && text === undefined) runtime.logger.info({ meshConfig: path }, 'mesh config file not found; using defaults');
  const result = parseMeshConfig(text, path);
  for (const problem of result.problems) runtime.logger.warn({ path: problem.path }, `mesh config: ${problem.message}`);
  return result.mesh;
}

/** The debug HTTP server (--httpAddr): Istio's /debug/* endpoints plus /ready. */
function debugServer(discovery: DiscoveryService, cache: MemorySnapshotCache, ads: AdsServer): FastifyInstance {
  const app = fastify({ logger: false });
  for (const [path, handler] of Object.entries(debugHandlers(discovery, cache, () => ads.connections()))) {
    app.get(path, async (request, reply) => {
      const result = handler(request.query as Record<string, string | undefined>);
      return reply.code(result.status).header('content-type', 'application/json').send(JSON.stringify(result.body, null, 1));
    });
  }
  app.get('/ready', async (_request, reply) => reply.code(200).send('ready\n'));
  return app;
}

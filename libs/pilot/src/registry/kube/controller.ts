import type { KubeConfig, V1Endpoints, V1Node, V1Pod, V1Service } from '@kubernetes/client-node';
import { CORE_V1, WatchCache } from '@isthmus/kube';
import type { Logger } from '@isthmus/runtime';
import type { Service, ServiceEndpoint } from '../../model/service';
import { RegistryEvent, RegistryListeners, ServiceRegistry } from '../registry';
import { convertEndpoints, convertService, serviceHostname } from './conversion';

export interface KubeRegistryOptions {
  readonly kubeConfig: KubeConfig;
  readonly logger: Logger;
  readonly domain?: string;
  readonly trustDomain?: string;
}

/**
 * The Kubernetes registry: watch caches of Services, Endpoints, Pods and Nodes (locality); conversion is pure (conversion.ts).
 * A Service change is a full push; an Endpoints change is an endpoint-only push for that host.
 */
export class KubeRegistry implements ServiceRegistry {
  readonly name = 'Kubernetes';
  private readonly serviceCache: WatchCache<V1Service>;
  private readonly endpointsCache: WatchCache<V1Endpoints>;
  private readonly pods: WatchCache<V1Pod>;
  private readonly nodes: WatchCache<V1Node>;
  private readonly listeners = new RegistryListeners();
  private converted = new Map<string, Service>();
  private readonly endpointsByHost = new Map<string, ServiceEndpoint[]>();
  private readonly domain: string;

  constructor(private readonly options: KubeRegistryOptions) {
    this.domain = options.domain ?? 'cluster.local';
    const common = { kubeConfig: options.kubeConfig, logger: options.logger };
    this.serviceCache = new WatchCache<V1Service>({ ...common, type: CORE_V1.services });
    this.endpointsCache = new WatchCache<V1Endpoints>({ ...common, type: CORE_V1.endpoints });
    this.pods = new WatchCache<V1Pod>({ ...common, type: CORE_V1.pods });
    this.nodes = new WatchCache<V1Node>({ ...common, type: CORE_V1.nodes });
    this.serviceCache.onEvent(() => {
      this.rebuildServices();
      this.listeners.emit({ kind: 'full' });
    });
    this.endpointsCache.onEvent((_event, object) => {
      const host = serviceHostname(object.metadata?.name ?? '', object.metadata?.namespace ?? '', this.domain);
      this.rebuildEndpoints(host);
      this.listeners.emit({ kind: 'endpoints', hostnames: [host] });
    });
  }

  /** Resolves once the three caches listed everything once. */
  async start(): Promise<void> {
    await Promise.all([this.pods.start(), this.serviceCache.start(), this.endpointsCache.start()]);
    this.rebuildServices();
  }

  async stop(): Promise<void> {
    await Promise.all([this.pods.stop(), this.serviceCache.stop(), this.endpointsCache.stop()]);
  }


  services(): readonly Service[] {
    return [...this.converted.values()];
  }

  endpoints(hostname: string): readonly ServiceEndpoint[] {
    return this.endpointsByHost.get(hostname) ?? [];
  }

  onChange(listener: (event: RegistryEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  private rebuildServices(): void {
    const next = new Map<string, Service>();
    for (const object of this.serviceCache.list()) {
      const service = convertService(object, this.domain);
      if (service) next.set(service.hostname, service);
    }
    this.converted = next;
    this.endpointsByHost.clear();
    for (const host of next.keys()) this.rebuildEndpoints(host);
  }

  private rebuildEndpoints(host: string): void {
    const service = this.converted.get(host);
    if (!service) {
      this.endpointsByHost.delete(host);
      return;
    }
    const object = this.endpointsCache.get(service.name, service.namespace);
    const podOf = (namespace: string, name: string) => this.pods.get(name, namespace);
    this.endpointsByHost.set(host, object ? convertEndpoints(object, service, podOf, this.options.trustDomain ?? 'cluster.local', (name) => this.nodes.get(name)) : []);
  }
}

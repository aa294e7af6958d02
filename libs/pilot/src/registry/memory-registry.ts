import type { Service, ServiceEndpoint } from '../model/service';
import { RegistryEvent, RegistryListeners, ServiceRegistry } from './registry';

/** An in-memory registry for tests, benchmarks and the local mode. */
export class MemoryRegistry implements ServiceRegistry {
  readonly name: string;
  private readonly byHost = new Map<string, Service>();
  private readonly endpointsByHost = new Map<string, readonly ServiceEndpoint[]>();
  private readonly listeners = new RegistryListeners();

  constructor(name = 'Memory') {
    this.name = name;
  }

  services(): readonly Service[] {
    return [...this.byHost.values()];
  }

  endpoints(hostname: string): readonly ServiceEndpoint[] {
    return this.endpointsByHost.get(hostname) ?? [];
  }

  onChange(listener: (event: RegistryEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  setService(service: Service, endpoints?: readonly ServiceEndpoint[]): void {
    this.byHost.set(service.hostname, service);
    if (endpoints) this.endpointsByHost.set(service.hostname, endpoints);
    this.listeners.emit({ kind: 'full' });
  }

  removeService(hostname: string): void {
    this.byHost.delete(hostname);
    this.endpointsByHost.delete(hostname);
    this.listeners.emit({ kind: 'full' });
  }

  setEndpoints(hostname: string, endpoints: readonly ServiceEndpoint[]): void {
    this.endpointsByHost.set(hostname, endpoints);
    this.listeners.emit({ kind: 'endpoints', hostnames: [hostname] });
  }
}

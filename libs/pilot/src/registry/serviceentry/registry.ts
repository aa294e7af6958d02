import type { IstioResource, ServiceEntry } from '@isthmus/config-model';
import type { Service, ServiceEndpoint } from '../../model/service';
import { RegistryEvent, RegistryListeners, ServiceRegistry } from '../registry';
import { convertServiceEntry } from './conversion';

/** Services defined by ServiceEntry resources, recomputed whenever the config set changes. */
export class ServiceEntryRegistry implements ServiceRegistry {
  readonly name = 'ServiceEntry';
  private servicesList: Service[] = [];
  private readonly endpointsByHost = new Map<string, ServiceEndpoint[]>();
  private readonly listeners = new RegistryListeners();

  services(): readonly Service[] {
    return this.servicesList;
  }

  endpoints(hostname: string): readonly ServiceEndpoint[] {
    return this.endpointsByHost.get(hostname) ?? [];
  }

  onChange(listener: (event: RegistryEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  /** Replaces the set of ServiceEntries (sorted by namespace/name so the first definition of a host wins stably). */
  update(entries: readonly IstioResource<ServiceEntry>[]): void {
    this.updateQuietly(entries);
    this.listeners.emit({ kind: 'full' });
  }

  /** Replaces the entries without notifying (the caller is already pushing because config changed). */
  updateQuietly(entries: readonly IstioResource<ServiceEntry>[]): void {
    const services = new Map<string, Service>();
    this.endpointsByHost.clear();
    const sorted = [...entries].sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
    for (const entry of sorted) {
      const converted = convertServiceEntry(entry);
      for (const service of converted.services) if (!services.has(service.hostname)) services.set(service.hostname, service);
      for (const endpoint of converted.endpoints) {
        const list = this.endpointsByHost.get(endpoint.hostname) ?? [];
        list.push(endpoint);
        this.endpointsByHost.set(endpoint.hostname, list);
      }
    }
    this.servicesList = [...services.values()];
  }
}

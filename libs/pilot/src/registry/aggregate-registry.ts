import type { Service, ServiceEndpoint } from '../model/service';
import { RegistryEvent, RegistryListeners, ServiceRegistry } from './registry';

/**
 * Several registries as one. A hostname defined by more than one registry is taken from the first (in the order
 * given) and reported by `conflicts()`.
 */
export class AggregateRegistry implements ServiceRegistry {
  readonly name = 'Aggregate';
  private readonly listeners = new RegistryListeners();
  private readonly registries: ServiceRegistry[] = [];

  constructor(registries: readonly ServiceRegistry[] = []) {
    for (const registry of registries) this.add(registry);
  }

  add(registry: ServiceRegistry): void {
    this.registries.push(registry);
    registry.onChange((event) => this.listeners.emit(event));
  }

  members(): readonly ServiceRegistry[] {
    return this.registries;
  }

  services(): readonly Service[] {
    const byHost = new Map<string, Service>();
    for (const registry of this.registries) {
      for (const service of registry.services()) if (!byHost.has(service.hostname)) byHost.set(service.hostname, service);
    }
    return [...byHost.values()];
  }

  /** Hostnames defined by more than one registry, with the registries that define them. */
  conflicts(): { hostname: string; registries: string[] }[] {
    const owners = new Map<string, string[]>();
    for (const registry of this.registries) {
      for (const service of registry.services()) owners.set(service.hostname, [...(owners.get(service.hostname) ?? []), registry.name]);
    }
    return [...owners.entries()].filter(([, names]) => names.length > 1).map(([hostname, registries]) => ({ hostname, registries }));
  }

  endpoints(hostname: string): readonly ServiceEndpoint[] {
    for (const registry of this.registries) {
      if (registry.services().some((service) => service.hostname === hostname)) return registry.endpoints(hostname);
    }
    return [];
  }

  onChange(listener: (event: RegistryEvent) => void): () => void {
    return this.listeners.add(listener);
  }
}

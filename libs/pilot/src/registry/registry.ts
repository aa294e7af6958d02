import type { Service, ServiceEndpoint } from '../model/service';

/** A change a registry reports: `endpoints` when only endpoints of the named hosts changed (EDS-only push). */
export interface RegistryEvent {
  readonly kind: 'full' | 'endpoints';
  readonly hostnames?: readonly string[];
}

/** A source of services and their endpoints (Kubernetes, ServiceEntries, memory). */
export interface ServiceRegistry {
  readonly name: string;
  services(): readonly Service[];
  endpoints(hostname: string): readonly ServiceEndpoint[];
  onChange(listener: (event: RegistryEvent) => void): () => void;
}

/** Small helper for registries' listener sets. */
export class RegistryListeners {
  private readonly listeners = new Set<(event: RegistryEvent) => void>();

  add(listener: (event: RegistryEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: RegistryEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

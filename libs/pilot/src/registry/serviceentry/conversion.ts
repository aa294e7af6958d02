import type { IstioResource, ServiceEntry } from '@isthmus/config-model';
import { parseProtocol } from '../../model/protocol';
import { Resolution, Service, ServiceEndpoint, ServicePort, UNSPECIFIED_ADDRESS } from '../../model/service';

export interface ConvertedServiceEntry {
  readonly services: Service[];
  readonly endpoints: ServiceEndpoint[];
}

const RESOLUTION: Record<string, Resolution> = { NONE: 'Passthrough', STATIC: 'ClientSideLB', DNS: 'DNSLB' };

/**
 * ServiceEntry → services (one per host × address) and endpoints (one per endpoint × port). Pure.
 * - resolution NONE → passthrough (original destination), STATIC → EDS, DNS → DNS resolution by the proxy;
 * - a DNS entry without endpoints resolves its own host name;
 * - endpoint `ports` map a service port name to another target port; endpoint labels select DestinationRule subsets.
 */
export function convertServiceEntry(resource: IstioResource<ServiceEntry>): ConvertedServiceEntry {
  const spec = resource.spec;
  const namespace = resource.metadata.namespace ?? 'default';
  const ports: ServicePort[] = (spec.ports ?? []).map((port) => ({ name: port.name ?? `${port.number}`, port: port.number ?? 0, protocol: parseProtocol(port.protocol) }));
  const resolution = RESOLUTION[spec.resolution ?? 'NONE'] ?? 'Passthrough';
  const addresses = spec.addresses && spec.addresses.length > 0 ? spec.addresses : [UNSPECIFIED_ADDRESS];
  const services: Service[] = [];
  const endpoints: ServiceEndpoint[] = [];
  for (const host of spec.hosts ?? []) {
    // Istio 1.3 makes one service per address; we keep the first address as the service address (the rest are aliases).
    services.push({
      hostname: host,
      namespace,
      name: host,
      address: addresses[0].includes('/') ? UNSPECIFIED_ADDRESS : addresses[0],
      ports,
      resolution,
      meshExternal: (spec.location ?? 'MESH_EXTERNAL') === 'MESH_EXTERNAL',
      exportTo: spec.exportTo ?? [],
      serviceAccounts: spec.subjectAltNames ?? [],
      source: `serviceentry/${namespace}/${resource.metadata.name}`,
    });
    const entries = spec.endpoints ?? [];
    if (entries.length === 0 && resolution === 'DNSLB' && !host.startsWith('*')) {
      for (const port of ports) endpoints.push({ hostname: host, servicePort: port.port, address: host, port: port.port, labels: {} });
    }
    for (const entry of entries) {
      for (const port of ports) {
        endpoints.push({
          hostname: host,
          servicePort: port.port,
          address: entry.address ?? '',
          port: entry.ports?.[port.name] ?? port.port,
          labels: entry.labels ?? {},
          ...(entry.locality ? { locality: entry.locality } : {}),
          ...(entry.weight ? { weight: entry.weight } : {}),
          ...(entry.network ? { network: entry.network } : {}),
        });
      }
    }
  }
  return { services, endpoints };
}

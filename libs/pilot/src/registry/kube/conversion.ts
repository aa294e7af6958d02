import type { V1Endpoints, V1Node, V1Pod, V1Service } from '@kubernetes/client-node';
import { protocolFromPortName } from '../../model/protocol';
import { Service, ServiceEndpoint, ServicePort, UNSPECIFIED_ADDRESS } from '../../model/service';

/** Istio's annotation limiting where a Kubernetes Service is visible. */
export const EXPORT_TO_ANNOTATION = 'networking.istio.io/exportTo';

export function serviceHostname(name: string, namespace: string, domain: string): string {
  return `${name}.${namespace}.svc.${domain}`;
}

/** Kubernetes Service → mesh Service (pure). Headless → passthrough; ExternalName → DNS. */
export function convertService(service: V1Service, domain: string): Service | undefined {
  const name = service.metadata?.name;
  const namespace = service.metadata?.namespace;
  if (!name || !namespace) return undefined;
  const ports: ServicePort[] = (service.spec?.ports ?? []).map((port) => ({
    name: port.name ?? '',
    port: port.port,
    protocol: port.protocol === 'UDP' ? 'UDP' : protocolFromPortName(port.name),
  }));
  const clusterIP = service.spec?.clusterIP;
  const external = service.spec?.type === 'ExternalName';
  const headless = clusterIP === 'None';
  const exportTo = service.metadata?.annotations?.[EXPORT_TO_ANNOTATION];
  return {
    hostname: serviceHostname(name, namespace, domain),
    namespace,
    name,
    address: !clusterIP || headless ? UNSPECIFIED_ADDRESS : clusterIP,
    ports,
    resolution: external ? 'DNSLB' : headless ? 'Passthrough' : 'ClientSideLB',
    meshExternal: external,
    exportTo: exportTo ? exportTo.split(',').map((item) => item.trim()).filter(Boolean) : [],
    serviceAccounts: [],
    source: 'kubernetes',
  };
}

/**
 * Endpoints (+ the pods they point at) → endpoints of each service port: endpoint ports are matched to service ports
 * by name (or the only port); labels and service account come from the pod (`spiffe://<trust domain>/ns/<ns>/sa/<sa>`).
 */
export function convertEndpoints(
  endpoints: V1Endpoints,
  service: Service,
  podOf: (namespace: string, name: string) => V1Pod | undefined,
  trustDomain: string,
  nodeOf: (name: string) => V1Node | undefined = () => undefined,
): ServiceEndpoint[] {
  const out: ServiceEndpoint[] = [];
  const namespace = endpoints.metadata?.namespace ?? service.namespace;
  for (const subset of endpoints.subsets ?? []) {
    for (const address of subset.addresses ?? []) {
      const pod = address.targetRef?.kind === 'Pod' && address.targetRef.name ? podOf(address.targetRef.namespace ?? namespace, address.targetRef.name) : undefined;
      const labels = pod?.metadata?.labels ?? {};
      const account = pod ? `spiffe://${trustDomain}/ns/${namespace}/sa/${pod.spec?.serviceAccountName || 'default'}` : undefined;
      const nodeName = address.nodeName ?? pod?.spec?.nodeName;
      const locality = nodeName ? localityOf(nodeOf(nodeName)) : undefined;
      for (const endpointPort of subset.ports ?? []) {
        const servicePort = service.ports.find((port) => port.name === (endpointPort.name ?? '')) ?? (service.ports.length === 1 ? service.ports[0] : undefined);
        if (!servicePort) continue;
        out.push({
          hostname: service.hostname,
          servicePort: servicePort.port,
          address: address.ip,
          port: endpointPort.port,
          labels,
          ...(account ? { serviceAccount: account } : {}),
          ...(locality ? { locality } : {}),
        });
      }
    }
  }
  return out;
}

/** `region/zone` from a node's topology labels (current and the 1.3-era beta names). */
export function localityOf(node: V1Node | undefined): string | undefined {
  const labels = node?.metadata?.labels ?? {};
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'];
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'];
  if (!region && !zone) return undefined;
  return `${region ?? ''}/${zone ?? ''}`;
}

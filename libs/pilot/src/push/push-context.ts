import type { DestinationRule, Gateway, IstioResource, Policy, RbacConfig, ResolvedMeshConfig, ServiceRole, ServiceRoleBinding, Sidecar, VirtualService } from '@isthmus/config-model';
import { resolveShortName } from '../model/hostname';
import type { Service, ServiceEndpoint } from '../model/service';

export type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** A VirtualService with its hosts resolved to FQDNs and its gateways to `namespace/name` (or `mesh`). */
export interface VirtualServiceEntry {
  readonly namespace: string;
  readonly name: string;
  readonly hosts: readonly string[];
  readonly gateways: readonly string[];
  readonly exportTo: readonly string[];
  readonly spec: DeepReadonly<VirtualService>;
}

export interface DestinationRuleEntry {
  readonly namespace: string;
  readonly name: string;
  readonly host: string;
  readonly exportTo: readonly string[];
  readonly spec: DeepReadonly<DestinationRule>;
}

export interface GatewayEntry {
  readonly namespace: string;
  readonly name: string;
  readonly spec: DeepReadonly<Gateway>;
}

export interface NamedSpec<S> {
  readonly namespace: string;
  readonly name: string;
  readonly spec: DeepReadonly<S>;
}

export interface PushInputs {
  readonly mesh: ResolvedMeshConfig;
  readonly services: readonly Service[];
  readonly endpoints: (hostname: string) => readonly ServiceEndpoint[];
  readonly resources: readonly IstioResource[];
  readonly domain?: string;
}

/**
 * Everything one push needs, indexed once and never mutated: generators are pure functions of (PushContext, Proxy).
 * Built by `buildPushContext`; lookups live in queries.ts.
 */
export interface PushContext {
  readonly mesh: ResolvedMeshConfig;
  readonly domain: string;
  /** Sorted by hostname. */
  readonly services: readonly Service[];
  readonly serviceByHost: ReadonlyMap<string, Service>;
  readonly endpointsByHost: ReadonlyMap<string, readonly ServiceEndpoint[]>;
  /** Endpoints by address, to find a proxy's own service instances. */
  readonly endpointsByAddress: ReadonlyMap<string, readonly ServiceEndpoint[]>;
  /** In creation order (config order): the first VirtualService for a host wins, as in Istio. */
  readonly virtualServices: readonly VirtualServiceEntry[];
  readonly destinationRules: readonly DestinationRuleEntry[];
  /** `destinationRules` with an exact host, by host (config order kept); the rest in `wildcardDestinationRules`. */
  readonly destinationRulesByHost: ReadonlyMap<string, readonly DestinationRuleEntry[]>;
  readonly wildcardDestinationRules: readonly DestinationRuleEntry[];
  readonly gateways: readonly GatewayEntry[];
  readonly sidecars: readonly NamedSpec<Sidecar>[];
  readonly policies: readonly NamedSpec<Policy>[];
  readonly meshPolicy?: DeepReadonly<Policy>;
  /** ClusterRbacConfig `default` (or the deprecated RbacConfig `default`): whether Istio RBAC is on, and where. */
  readonly rbacConfig?: DeepReadonly<RbacConfig>;
  readonly serviceRoles: readonly NamedSpec<ServiceRole>[];
  readonly serviceRoleBindings: readonly NamedSpec<ServiceRoleBinding>[];
  /** True when a VirtualService matches on sourceLabels: routes then depend on the proxy's labels. */
  readonly usesSourceLabels: boolean;
}

function byName<T extends { namespace: string; name: string }>(a: T, b: T): number {
  return `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`);
}

function ofKind<S>(resources: readonly IstioResource[], kind: string): NamedSpec<S>[] {
  return resources
    .filter((resource) => resource.kind === kind)
    .map((resource) => ({ namespace: resource.metadata.namespace ?? '', name: resource.metadata.name, spec: resource.spec as DeepReadonly<S> }))
    .sort(byName);
}

export function buildPushContext(inputs: PushInputs): PushContext {
  const domain = inputs.domain ?? 'cluster.local';
  const mesh = inputs.mesh;
  const services = [...inputs.services].sort((a, b) => (a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0));
  const serviceByHost = new Map(services.map((service) => [service.hostname, service]));
  const endpointsByHost = new Map<string, readonly ServiceEndpoint[]>();
  const endpointsByAddress = new Map<string, ServiceEndpoint[]>();
  for (const service of services) {
    const endpoints = inputs.endpoints(service.hostname);
    endpointsByHost.set(service.hostname, endpoints);
    for (const endpoint of endpoints) {
      const list = endpointsByAddress.get(endpoint.address) ?? [];
      list.push(endpoint);
      endpointsByAddress.set(endpoint.address, list);
    }
  }
  const virtualServices = ofKind<VirtualService>(inputs.resources, 'VirtualService').map((vs): VirtualServiceEntry => ({
    namespace: vs.namespace,
    name: vs.name,
    hosts: (vs.spec.hosts ?? []).map((host) => resolveShortName(host, vs.namespace, domain)),
    gateways: (vs.spec.gateways && vs.spec.gateways.length > 0 ? vs.spec.gateways : ['mesh']).map((gateway) =>
      gateway === 'mesh' || gateway.includes('/') ? gateway : `${vs.namespace}/${gateway.split('.')[0]}`,
    ),
    exportTo: vs.spec.exportTo ?? mesh.defaultVirtualServiceExportTo,
    spec: vs.spec,
  }));
  const destinationRules = ofKind<DestinationRule>(inputs.resources, 'DestinationRule').map((dr): DestinationRuleEntry => ({
    namespace: dr.namespace,
    name: dr.name,
    host: resolveShortName(dr.spec.host ?? '', dr.namespace, domain),
    exportTo: dr.spec.exportTo ?? mesh.defaultDestinationRuleExportTo,
    spec: dr.spec,
  }));
  const destinationRulesByHost = new Map<string, DestinationRuleEntry[]>();
  for (const dr of destinationRules) {
    if (dr.host.startsWith('*')) continue;
    const list = destinationRulesByHost.get(dr.host) ?? [];
    list.push(dr);
    destinationRulesByHost.set(dr.host, list);
  }
  const meshPolicies = ofKind<Policy>(inputs.resources, 'MeshPolicy');
  return {
    mesh,
    domain,
    services,
    serviceByHost,
    endpointsByHost,
    endpointsByAddress,
    virtualServices,
    destinationRules,
    destinationRulesByHost,
    wildcardDestinationRules: destinationRules.filter((dr) => dr.host.startsWith('*')),
    gateways: ofKind<Gateway>(inputs.resources, 'Gateway'),
    sidecars: ofKind<Sidecar>(inputs.resources, 'Sidecar'),
    policies: ofKind<Policy>(inputs.resources, 'Policy'),
    meshPolicy: meshPolicies.find((policy) => policy.name === 'default')?.spec,
    rbacConfig: [...ofKind<RbacConfig>(inputs.resources, 'ClusterRbacConfig'), ...ofKind<RbacConfig>(inputs.resources, 'RbacConfig')].find((config) => config.name === 'default')?.spec,
    serviceRoles: ofKind<ServiceRole>(inputs.resources, 'ServiceRole'),
    serviceRoleBindings: ofKind<ServiceRoleBinding>(inputs.resources, 'ServiceRoleBinding'),
    usesSourceLabels: virtualServices.some((vs) => (vs.spec.http ?? []).some((route) => (route.match ?? []).some((match) => match.sourceLabels))),
  };
}

import type { Policy, Sidecar } from '@isthmus/config-model';
import { hostMatches, hostSpecificity, hostsIntersect, resolveShortName } from '../model/hostname';
import type { Proxy } from '../model/proxy';
import { Service, ServiceEndpoint, labelsMatch } from '../model/service';
import type { DeepReadonly, DestinationRuleEntry, GatewayEntry, NamedSpec, PushContext, VirtualServiceEntry } from './push-context';

/** `exportTo` semantics: empty or `*` = everywhere, `.` = own namespace only. */
export function exportedTo(exportTo: readonly string[], ownerNamespace: string, namespace: string): boolean {
  if (exportTo.length === 0 || exportTo.includes('*')) return true;
  return exportTo.includes('.') && ownerNamespace === namespace;
}

/** The Sidecar resource that scopes a proxy: one with a matching selector in its namespace, else the namespace default, else the root namespace default. */
export function sidecarFor(push: PushContext, proxy: Proxy): NamedSpec<Sidecar> | undefined {
  const own = push.sidecars.filter((sidecar) => sidecar.namespace === proxy.namespace);
  const selected = own.find((sidecar) => sidecar.spec.workloadSelector?.labels && labelsMatch(sidecar.spec.workloadSelector.labels, proxy.labels));
  return selected ?? own.find((sidecar) => !sidecar.spec.workloadSelector) ?? push.sidecars.find((sidecar) => sidecar.namespace === push.mesh.rootNamespace && !sidecar.spec.workloadSelector);
}

// Does a Sidecar egress host list (namespace/host patterns such as ./*, */*, ns/host) allow the service?
function egressAllows(hosts: readonly string[], service: Service, proxyNamespace: string): boolean {
  return hosts.some((pattern) => {
    const slash = pattern.indexOf('/');
    const ns = slash < 0 ? '*' : pattern.slice(0, slash);
    const host = slash < 0 ? pattern : pattern.slice(slash + 1);
    const namespaceOk = ns === '*' || (ns === '.' ? service.namespace === proxyNamespace : service.namespace === ns);
    return namespaceOk && hostMatches(host, service.hostname);
  });
}

/** Services a proxy can reach: exported to its namespace and, with a Sidecar resource, listed in its egress hosts. */
export function servicesFor(push: PushContext, proxy: Proxy): Service[] {
  const sidecar = proxy.type === 'sidecar' ? sidecarFor(push, proxy) : undefined;
  const egressHosts = sidecar?.spec.egress?.flatMap((egress) => egress.hosts ?? []);
  return push.services.filter((service) => {
    const exportTo = service.exportTo.length > 0 ? service.exportTo : push.mesh.defaultServiceExportTo;
    if (!exportedTo(exportTo, service.namespace, proxy.namespace)) return false;
    return !egressHosts || egressHosts.length === 0 || egressAllows(egressHosts, service, proxy.namespace);
  });
}

/** VirtualServices visible from `namespace` that are bound to `gateway` (`mesh` or `ns/name`), in config order. */
export function virtualServicesFor(push: PushContext, namespace: string, gateway: string): VirtualServiceEntry[] {
  return push.virtualServices.filter((vs) => vs.gateways.includes(gateway) && exportedTo(vs.exportTo, vs.namespace, namespace));
}

/** The VirtualService that routes `hostname` for `gateway`: an exact host match beats a wildcard; then config order. */
export function virtualServiceForHost(candidates: readonly VirtualServiceEntry[], hostname: string): VirtualServiceEntry | undefined {
  let best: { vs: VirtualServiceEntry; score: number } | undefined;
  for (const vs of candidates) {
    for (const host of vs.hosts) {
      if (!hostsIntersect(host, hostname)) continue;
      const score = hostSpecificity(host);
      if (!best || score > best.score) best = { vs, score };
    }
  }
  return best?.vs;
}

/**
 * Every DestinationRule whose host matches `hostname`, exact-host rules first (an exact host always outranks a wildcard
 * in `hostSpecificity`), each group in config order. Uses the push's host index instead of scanning every rule.
 */
export function destinationRulesMatching(push: PushContext, hostname: string): DestinationRuleEntry[] {
  return [...(push.destinationRulesByHost.get(hostname) ?? []), ...push.wildcardDestinationRules.filter((dr) => hostMatches(dr.host, hostname))];
}

/**
 * The DestinationRule for a service host as seen from a proxy namespace: rules in the proxy's namespace first, then
 * in the service's namespace, then the root namespace, then any exported rule; within a tier the most specific host.
 */
export function destinationRuleFor(push: PushContext, proxyNamespace: string, service: Pick<Service, 'hostname' | 'namespace'>): DestinationRuleEntry | undefined {
  const candidates = destinationRulesMatching(push, service.hostname).filter((dr) => exportedTo(dr.exportTo, dr.namespace, proxyNamespace));
  const tiers = [proxyNamespace, service.namespace, push.mesh.rootNamespace];
  for (const tier of tiers) {
    const found = mostSpecific(candidates.filter((dr) => dr.namespace === tier));
    if (found) return found;
  }
  return mostSpecific(candidates);
}

function mostSpecific(rules: readonly DestinationRuleEntry[]): DestinationRuleEntry | undefined {
  return [...rules].sort((a, b) => hostSpecificity(b.host) - hostSpecificity(a.host))[0];
}

/** Gateways whose selector matches a router proxy's labels. */
export function gatewaysFor(push: PushContext, proxy: Proxy): GatewayEntry[] {
  return push.gateways.filter((gateway) => {
    const selector = gateway.spec.selector;
    return selector && Object.keys(selector).length > 0 && labelsMatch(selector, proxy.labels);
  });
}

/** The endpoints a proxy itself serves (its inbound side), found by its IP. */
export function instancesOf(push: PushContext, proxy: Proxy): readonly ServiceEndpoint[] {
  return push.endpointsByAddress.get(proxy.ip) ?? [];
}

export type MtlsMode = 'DISABLE' | 'PERMISSIVE' | 'STRICT';

/**
 * The peer authentication in force for a service port: a Policy targeting the service (by name, optionally port) in
 * its namespace, else the namespace's target-less Policy, else the MeshPolicy `default`. `mtls: {}` means STRICT.
 */
export function mtlsModeFor(push: PushContext, service: Service, port: number): { mode: MtlsMode; policy?: string } {
  const inNamespace = push.policies.filter((policy) => policy.namespace === service.namespace);
  const shortName = service.hostname.split('.')[0];
  const targeted = inNamespace.find((policy) =>
    (policy.spec.targets ?? []).some((target) => target.name === shortName && (!target.ports || target.ports.length === 0 || target.ports.some((p) => p.number === port))),
  );
  const namespaceWide = inNamespace.find((policy) => !policy.spec.targets || policy.spec.targets.length === 0);
  const chosen = targeted ?? namespaceWide;
  if (chosen) return { mode: peerMode(chosen.spec), policy: `${chosen.namespace}/${chosen.name}` };
  if (push.meshPolicy) return { mode: peerMode(push.meshPolicy), policy: 'default/' };
  return { mode: 'DISABLE' };
}

function peerMode(policy: DeepReadonly<Policy>): MtlsMode {
  const mtls = (policy.peers ?? []).find((peer) => peer.mtls !== undefined)?.mtls;
  if (!mtls) return 'DISABLE';
  return mtls.mode === 'PERMISSIVE' || mtls.allowTls ? 'PERMISSIVE' : 'STRICT';
}

/** The outbound traffic policy for a proxy: its Sidecar's, else the mesh's. */
export function outboundPolicyFor(push: PushContext, proxy: Proxy): 'ALLOW_ANY' | 'REGISTRY_ONLY' {
  const sidecar = proxy.type === 'sidecar' ? sidecarFor(push, proxy) : undefined;
  return sidecar?.spec.outboundTrafficPolicy?.mode ?? push.mesh.outboundTrafficPolicy.mode ?? 'ALLOW_ANY';
}

/** Selector matching no endpoint: clusters of undefined subsets exist (so routes stay valid) but stay empty. */
export const NO_ENDPOINTS_SELECTOR: Readonly<Record<string, string>> = { 'isthmus.io/undefined-subset': 'true' };

/**
 * Subsets that visible VirtualServices route to but no DestinationRule defines, by destination FQDN. Pilot still
 * generates (empty) clusters for them, so the route fails alone (503 / UNAVAILABLE) instead of a client waiting for,
 * or rejecting, a cluster that never comes.
 */
export function undefinedSubsets(push: PushContext, proxy: Proxy): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const vs of push.virtualServices) {
    if (!exportedTo(vs.exportTo, vs.namespace, proxy.namespace)) continue;
    const destinations = [
      ...(vs.spec.http ?? []).flatMap((route) => [...(route.route ?? []).map((d) => d.destination), route.mirror]),
      ...(vs.spec.tcp ?? []).flatMap((route) => (route.route ?? []).map((d) => d.destination)),
      ...(vs.spec.tls ?? []).flatMap((route) => (route.route ?? []).map((d) => d.destination)),
    ];
    for (const destination of destinations) {
      if (!destination?.subset || !destination.host) continue;
      const host = resolveShortName(destination.host, vs.namespace, push.domain);
      const service = push.serviceByHost.get(host);
      if (!service) continue;
      const rule = destinationRuleFor(push, proxy.namespace, service);
      if ((rule?.spec.subsets ?? []).some((subset) => subset.name === destination.subset)) continue;
      const set = out.get(host) ?? new Set<string>();
      set.add(destination.subset);
      out.set(host, set);
    }
  }
  return out;
}

/**
 * Cross-resource analysis over a set of config objects (what `istioctl x analyze` runs): problems no single resource
 * shows. Later definitions of the same kind/namespace/name replace earlier ones, as `kubectl apply` would.
 */
import { ConfigObject } from '../validation/validate';
import { ConfigProblem } from '../validation/problems';
import { DestinationRule } from '../types/destination-rule';
import { Gateway, ServiceEntry } from '../types/gateway';
import { VirtualService } from '../types/virtual-service';
import { hostsOverlap, resolveGateway, resolveHost } from './hosts';
import { isPlainObject } from '../schema/check';

export interface AnalyzerOptions {
  /** Service FQDNs known besides the Services and ServiceEntries in the input (e.g. from a cluster). */
  readonly knownServices?: readonly string[];
  /** Pod label sets known besides workloads in the input; the chart's gateway pods are always known. */
  readonly knownWorkloadLabels?: readonly Readonly<Record<string, string>>[];
}

const BUILTIN_GATEWAY_LABELS: readonly Record<string, string>[] = [
  { app: 'istio-ingressgateway', istio: 'ingressgateway' },
  { app: 'istio-egressgateway', istio: 'egressgateway' },
];

const PROTOCOL_PREFIXES = ['http', 'http2', 'https', 'grpc', 'grpc-web', 'tcp', 'tls', 'udp', 'mongo', 'redis', 'mysql'];
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'Pod']);

function problem(object: ConfigObject, path: string, message: string, severity: 'error' | 'warning'): ConfigProblem {
  return {
    kind: object.kind,
    namespace: object.namespace,
    name: object.name,
    path,
    message,
    severity,
    ...(object.file !== undefined ? { file: object.file } : {}),
    ...(object.document !== undefined ? { document: object.document } : {}),
  };
}

function latest(objects: readonly ConfigObject[]): ConfigObject[] {
  const byId = new Map<string, ConfigObject>();
  for (const object of objects) byId.set(`${object.apiVersion}/${object.kind}/${object.namespace}/${object.name}`, object);
  return [...byId.values()];
}

const specOf = <T>(object: ConfigObject): T => object.resource?.spec as T;

export function analyze(input: readonly ConfigObject[], options: AnalyzerOptions = {}): ConfigProblem[] {
  const objects = latest(input);
  const istio = (kind: string) => objects.filter((object) => object.resource && object.kind === kind);
  const virtualServices = istio('VirtualService');
  const destinationRules = istio('DestinationRule');
  const problems: ConfigProblem[] = [];

  // Known services: Kubernetes Services, ServiceEntry hosts, and whatever the caller knows.
  const services = new Set(options.knownServices ?? []);
  for (const object of objects) {
    if (object.apiVersion === 'v1' && object.kind === 'Service') services.add(`${object.name}.${object.namespace}.svc.cluster.local`);
  }
  for (const entry of istio('ServiceEntry')) for (const host of specOf<ServiceEntry>(entry).hosts ?? []) services.add(host);

  checkSubsets(virtualServices, destinationRules, problems);
  checkHostConflicts(virtualServices, problems);
  for (const rule of destinationRules) {
    const host = resolveHost(specOf<DestinationRule>(rule).host ?? '', rule.namespace);
    if (host && ![...services].some((service) => hostsOverlap(host, service))) {
      problems.push(problem(rule, 'spec.host', `host ${JSON.stringify(host)} matches no known service or ServiceEntry`, 'warning'));
    }
  }
  checkGatewaySelectors(objects, istio('Gateway'), options, problems);
  for (const service of objects.filter((object) => object.apiVersion === 'v1' && object.kind === 'Service')) checkServicePorts(service, problems);
  return problems;
}

function checkSubsets(virtualServices: readonly ConfigObject[], destinationRules: readonly ConfigObject[], problems: ConfigProblem[]): void {
  const subsetsByHost = new Map<string, { rule: ConfigObject; subsets: Set<string> }[]>();
  for (const rule of destinationRules) {
    const spec = specOf<DestinationRule>(rule);
    const host = resolveHost(spec.host ?? '', rule.namespace);
    const entry = { rule, subsets: new Set((spec.subsets ?? []).map((subset) => subset.name ?? '')) };
    subsetsByHost.set(host, [...(subsetsByHost.get(host) ?? []), entry]);
  }
  for (const vs of virtualServices) {
    const spec = specOf<VirtualService>(vs);
    const routes: { path: string; host?: string; subset?: string }[] = [];
    for (const [section, list] of [['http', spec.http], ['tls', spec.tls], ['tcp', spec.tcp]] as const) {
      (list ?? []).forEach((route, routeIndex) => {
        (route.route ?? []).forEach((destination, index) => {
          routes.push({ path: `spec.${section}[${routeIndex}].route[${index}].destination.subset`, host: destination.destination?.host, subset: destination.destination?.subset });
        });
      });
    }
    (spec.http ?? []).forEach((route, routeIndex) => {
      if (route.mirror?.subset) routes.push({ path: `spec.http[${routeIndex}].mirror.subset`, host: route.mirror.host, subset: route.mirror.subset });
    });
    for (const route of routes) {
      if (!route.subset || !route.host) continue;
      const host = resolveHost(route.host, vs.namespace);
      const rules = [...subsetsByHost.entries()].filter(([pattern]) => hostsOverlap(pattern, host)).flatMap(([, entries]) => entries);
      if (rules.length === 0) {
        problems.push(problem(vs, route.path, `subset ${JSON.stringify(route.subset)} of host ${JSON.stringify(host)} is not defined: no DestinationRule for this host`, 'error'));
      } else if (!rules.some((entry) => entry.subsets.has(route.subset as string))) {
        const where = rules.map((entry) => `${entry.rule.namespace}/${entry.rule.name}`).join(', ');
        problems.push(problem(vs, route.path, `subset ${JSON.stringify(route.subset)} of host ${JSON.stringify(host)} is not defined by DestinationRule ${where}`, 'error'));
      }
    }
  }
}

function checkHostConflicts(virtualServices: readonly ConfigObject[], problems: ConfigProblem[]): void {
  const claims = new Map<string, ConfigObject[]>();
  for (const vs of virtualServices) {
    const spec = specOf<VirtualService>(vs);
    const gateways = (spec.gateways ?? []).length > 0 ? (spec.gateways ?? []) : ['mesh'];
    for (const gateway of gateways) {
      for (const host of spec.hosts ?? []) {
        const id = `${resolveGateway(gateway, vs.namespace)}|${resolveHost(host, vs.namespace)}`;
        claims.set(id, [...(claims.get(id) ?? []), vs]);
      }
    }
  }
  for (const [id, owners] of claims) {
    if (owners.length < 2) continue;
    const [gateway, host] = id.split('|');
    const names = owners.map((owner) => `${owner.namespace}/${owner.name}`).join(', ');
    for (const owner of owners.slice(1)) {
      problems.push(problem(owner, 'spec.hosts', `host ${JSON.stringify(host)} on gateway ${JSON.stringify(gateway)} is claimed by several VirtualServices (${names}); only one takes effect`, 'error'));
    }
  }
}

function podLabels(object: ConfigObject): Record<string, string> | undefined {
  const raw = object.raw as Record<string, unknown>;
  const metadata = object.kind === 'Pod' ? raw['metadata'] : (((raw['spec'] as Record<string, unknown> | undefined)?.['template'] as Record<string, unknown> | undefined)?.['metadata']);
  const labels = isPlainObject(metadata) ? metadata['labels'] : undefined;
  return isPlainObject(labels) ? (labels as Record<string, string>) : undefined;
}

function checkGatewaySelectors(objects: readonly ConfigObject[], gateways: readonly ConfigObject[], options: AnalyzerOptions, problems: ConfigProblem[]): void {
  const known: Readonly<Record<string, string>>[] = [...BUILTIN_GATEWAY_LABELS, ...(options.knownWorkloadLabels ?? [])];
  for (const object of objects) {
    if (!WORKLOAD_KINDS.has(object.kind)) continue;
    const labels = podLabels(object);
    if (labels) known.push(labels);
  }
  for (const gateway of gateways) {
    const selector = specOf<Gateway>(gateway).selector ?? {};
    const entries = Object.entries(selector);
    if (entries.length === 0) continue;
    if (!known.some((labels) => entries.every(([name, value]) => labels[name] === value))) {
      const text = entries.map(([name, value]) => `${name}=${value}`).join(',');
      problems.push(problem(gateway, 'spec.selector', `selector ${text} matches no known gateway workload`, 'warning'));
    }
  }
}

function checkServicePorts(service: ConfigObject, problems: ConfigProblem[]): void {
  const spec = (service.raw as Record<string, unknown>)['spec'];
  const ports = isPlainObject(spec) && Array.isArray(spec['ports']) ? spec['ports'] : [];
  ports.forEach((port: unknown, index: number) => {
    const name = isPlainObject(port) && typeof port['name'] === 'string' ? port['name'] : undefined;
    const path = `spec.ports[${index}].name`;
    if (name === undefined) {
      problems.push(problem(service, path, 'port has no name: Istio treats it as TCP; name it <protocol>[-suffix], e.g. http-web', 'warning'));
    } else if (!PROTOCOL_PREFIXES.some((prefix) => name === prefix || name.startsWith(`${prefix}-`))) {
      problems.push(problem(service, path, `port name ${JSON.stringify(name)} has no protocol prefix (${PROTOCOL_PREFIXES.join(', ')}); Istio treats it as TCP`, 'warning'));
    }
  });
}

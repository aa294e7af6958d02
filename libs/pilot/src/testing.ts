/**
 * Test fixtures for Pilot: the walkthrough scenarios under `libs/pilot/testdata/scenarios` (services defined by
 * ServiceEntry, then the traffic-management and mTLS steps) and the two proxies they are rendered for. Import from
 * `@isthmus/pilot/testing` in tests only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withMeshDefaults } from '@isthmus/config-model';
import type { IstioResource, ResolvedMeshConfig } from '@isthmus/config-model';
import { parseConfigText } from './config/parse-config';
import { generateProxyConfig, type ProxyConfig } from './generators/generate';
import { parseProxy } from './model/proxy';
import { buildPushContext } from './push/push-context';
import { ServiceEntryRegistry } from './registry/serviceentry/registry';

export const SCENARIO_DIR = join(__dirname, '../testdata/scenarios');

/** Golden case name → scenario file prefixes applied on top of `00-services.yaml`, in order. */
export const SCENARIO_CASES: Readonly<Record<string, readonly string[]>> = {
  '10-mtls-permissive': ['10'],
  '11-client-istio-mutual': ['10', '11'],
  '12-server-strict': ['10', '11', '12'],
  '20-21-gateway-tls': ['20', '21'],
  '41-42-dark-launch-v1': ['20', '41', '42'],
  '43-header-routing': ['20', '41', '43'],
  '44-canary-80-20': ['20', '41', '44'],
  '45-no-retries': ['20', '41', '45'],
  '46-retries-timeout': ['20', '41', '46'],
  '47-circuit-breaker': ['20', '47', '42'],
  '48-fault-for-jason': ['20', '41', '48'],
  '50-registry-only': ['50'],
  '51-external-service': ['50', '51'],
  '53-external-timeout': ['50', '51', '53'],
};

export const SCENARIO_PROXIES = {
  sidecar: { id: 'sidecar~10.1.0.10~trader-v1-7d9f.stock-trader~stock-trader.svc.cluster.local', metadata: { LABELS: { app: 'trader', version: 'v1' } } },
  gateway: { id: 'router~10.1.0.2~istio-ingressgateway-5b4c.istio-system~istio-system.svc.cluster.local', metadata: { LABELS: { istio: 'ingressgateway', app: 'istio-ingressgateway' } } },
};
export type ScenarioProxy = keyof typeof SCENARIO_PROXIES;

let scenarioFiles: string[] | undefined;

/** `00-services.yaml` plus the scenario file of each prefix; later files replace resources of the same kind/namespace/name. Throws on parse errors. */
export function loadScenario(prefixes: readonly string[]): { resources: IstioResource[]; mesh: ResolvedMeshConfig } {
  scenarioFiles ??= readdirSync(SCENARIO_DIR);
  const files = ['00-services.yaml', ...prefixes.map((prefix) => scenarioFiles?.find((file) => file.startsWith(`${prefix}-`)) ?? `${prefix}-(missing)`)];
  let mesh = withMeshDefaults();
  const byKey = new Map<string, IstioResource>();
  for (const file of files) {
    const parsed = parseConfigText(readFileSync(join(SCENARIO_DIR, file), 'utf8'), file, 'stock-trader');
    const errors = parsed.problems.filter((problem) => problem.severity === 'error');
    if (errors.length > 0) throw new Error(`${file}: ${errors.map((problem) => problem.message).join('; ')}`);
    for (const resource of parsed.resources) byKey.set(`${resource.kind}/${resource.metadata.namespace}/${resource.metadata.name}`, resource);
    if (parsed.mesh) mesh = parsed.mesh;
  }
  return { resources: [...byKey.values()], mesh };
}

/** Everything Pilot generates for one of the scenario proxies after applying `prefixes`. */
export function generateScenario(prefixes: readonly string[], proxyKind: ScenarioProxy): ProxyConfig {
  const { resources, mesh } = loadScenario(prefixes);
  const registry = new ServiceEntryRegistry();
  registry.update(resources.filter((resource) => resource.kind === 'ServiceEntry') as IstioResource<never>[]);
  const push = buildPushContext({ mesh, services: registry.services(), endpoints: (host) => registry.endpoints(host), resources });
  const parsed = parseProxy(SCENARIO_PROXIES[proxyKind]);
  if (!parsed.ok) throw new Error(parsed.error);
  return generateProxyConfig(push, parsed.proxy);
}

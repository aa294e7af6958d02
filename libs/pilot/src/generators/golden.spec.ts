/**
 * Golden files: the full xDS output for a sidecar and the ingress gateway at each step of the walkthrough's traffic
 * management scenarios (shared/scenarios 40–53) and the mTLS steps (10–12), services defined by ServiceEntry. Every resource goes through the
 * snapshot encoder (field-checked) and the consistency check. Rewrite with UPDATE_GOLDEN=1 and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withMeshDefaults } from '@isthmus/config-model';
import type { IstioResource, ResolvedMeshConfig } from '@isthmus/config-model';
import { Snapshot, TYPE_URL, XdsTypeUrl, shortTypeName } from '@isthmus/xds';
import { parseConfigText } from '../config/parse-config';
import { readableResource } from '../discovery/readable';
import { parseProxy } from '../model/proxy';
import { buildPushContext } from '../push/push-context';
import { ServiceEntryRegistry } from '../registry/serviceentry/registry';
import { generateProxyConfig } from './generate';

const TESTDATA = join(__dirname, '../../testdata');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

const CASES: Record<string, string[]> = {
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

const PROXIES = {
  sidecar: { id: 'sidecar~10.1.0.10~trader-v1-7d9f.stock-trader~stock-trader.svc.cluster.local', metadata: { LABELS: { app: 'trader', version: 'v1' } } },
  gateway: { id: 'router~10.1.0.2~istio-ingressgateway-5b4c.istio-system~istio-system.svc.cluster.local', metadata: { LABELS: { istio: 'ingressgateway', app: 'istio-ingressgateway' } } },
};

function load(prefixes: string[]): { resources: IstioResource[]; mesh: ResolvedMeshConfig } {
  const files = ['00-services.yaml', ...prefixes.map((prefix) => readdir().find((file) => file.startsWith(`${prefix}-`))!)];
  let mesh = withMeshDefaults();
  const byKey = new Map<string, IstioResource>();
  for (const file of files) {
    const parsed = parseConfigText(readFileSync(join(TESTDATA, 'scenarios', file), 'utf8'), file, 'stock-trader');
    const errors = parsed.problems.filter((problem) => problem.severity === 'error');
    if (errors.length > 0) throw new Error(`${file}: ${errors.map((problem) => problem.message).join('; ')}`);
    for (const resource of parsed.resources) byKey.set(`${resource.kind}/${resource.metadata.namespace}/${resource.metadata.name}`, resource);
    if (parsed.mesh) mesh = parsed.mesh;
  }
  return { resources: [...byKey.values()], mesh };
}

let files: string[] | undefined;
function readdir(): string[] {
  files ??= require('node:fs').readdirSync(join(TESTDATA, 'scenarios')) as string[];
  return files;
}

function render(prefixes: string[], proxyKind: keyof typeof PROXIES): string {
  const { resources, mesh } = load(prefixes);
  const registry = new ServiceEntryRegistry();
  registry.update(resources.filter((resource) => resource.kind === 'ServiceEntry') as IstioResource<never>[]);
  const push = buildPushContext({ mesh, services: registry.services(), endpoints: (host) => registry.endpoints(host), resources });
  const parsed = parseProxy(PROXIES[proxyKind]);
  if (!parsed.ok) throw new Error(parsed.error);
  const config = generateProxyConfig(push, parsed.proxy);
  const snapshot = Snapshot.fromObjects(config);
  expect(snapshot.consistent()).toEqual([]);
  const out: Record<string, unknown> = {};
  for (const url of [TYPE_URL.cluster, TYPE_URL.endpoint, TYPE_URL.listener, TYPE_URL.route] as XdsTypeUrl[]) {
    out[shortTypeName(url)] = [...snapshot.get(url).resources.values()].map((resource) => readableResource(resource.any));
  }
  out['warnings'] = config.warnings;
  return `${JSON.stringify(out, null, 1)}\n`;
}

describe('golden xDS output for the walkthrough scenarios', () => {
  for (const [name, prefixes] of Object.entries(CASES)) {
    for (const proxy of Object.keys(PROXIES) as (keyof typeof PROXIES)[]) {
      it(`${name} (${proxy})`, () => {
        const actual = render(prefixes, proxy);
        const file = join(TESTDATA, 'golden', `${name}.${proxy}.json`);
        if (UPDATE || !existsSync(file)) {
          if (!UPDATE) throw new Error(`missing golden file ${file}; run with UPDATE_GOLDEN=1`);
          mkdirSync(join(TESTDATA, 'golden'), { recursive: true });
          writeFileSync(file, actual);
        }
        expect(actual).toBe(readFileSync(file, 'utf8'));
      });
    }
  }

  it('rejects the walkthrough VirtualService as printed (52), naming the field', () => {
    const parsed = parseConfigText(readFileSync(join(TESTDATA, 'scenarios', '52-iex-vs-as-printed.invalid.yaml'), 'utf8'), '52', 'stock-trader');
    expect(parsed.resources).toHaveLength(0);
    expect(parsed.rejected.size).toBe(1);
    expect(parsed.problems.map((problem) => problem.message).join('\n')).toMatch(/https/);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withMeshDefaults } from '@isthmus/config-model';
import { envoyCodec } from '@isthmus/protos';
import type { HttpConnectionManager__Output, RbacFilter__Output } from '@isthmus/protos';
import { Snapshot } from '@isthmus/xds';
import { parseConfigText } from '../config/parse-config';
import { parseProxy } from '../model/proxy';
import { buildPushContext } from '../push/push-context';
import { ServiceEntryRegistry } from '../registry/serviceentry/registry';
import { generateProxyConfig } from './generate';

const CONFIG = `
apiVersion: rbac.istio.io/v1alpha1
kind: ClusterRbacConfig
metadata: {name: default}
spec:
  mode: ON_WITH_INCLUSION
  inclusion: {namespaces: [trader]}
---
apiVersion: networking.istio.io/v1alpha3
kind: ServiceEntry
metadata: {name: quotes, namespace: trader}
spec:
  hosts: [quotes.trader.svc.cluster.local]
  location: MESH_INTERNAL
  resolution: STATIC
  ports: [{number: 9080, name: http, protocol: HTTP}]
  endpoints: [{address: 10.2.0.5}]
`;

function inboundFilters(extra: string) {
  const parsed = [parseConfigText(CONFIG, 'rbac.yaml', 'trader'), parseConfigText(extra, '30.yaml', 'trader')];
  const resources = parsed.flatMap((result) => result.resources);
  expect(parsed.flatMap((result) => result.problems).filter((problem) => problem.severity === 'error')).toEqual([]);
  const registry = new ServiceEntryRegistry();
  registry.update(resources.filter((resource) => resource.kind === 'ServiceEntry') as never);
  const push = buildPushContext({ mesh: withMeshDefaults(), services: registry.services(), endpoints: (host) => registry.endpoints(host), resources });
  const proxy = parseProxy({ id: 'sidecar~10.2.0.5~quotes-1.trader~trader.svc.cluster.local' });
  if (!proxy.ok) throw new Error(proxy.error);
  const config = generateProxyConfig(push, proxy.proxy);
  Snapshot.fromObjects(config); // every field encodes
  const listener = config.listeners.find((candidate) => candidate.name === '10.2.0.5_9080');
  const manager = envoyCodec().unpack<HttpConnectionManager__Output>(listener!.filter_chains![0].filters![0].typed_config as never);
  if (!manager.ok) throw new Error(manager.error);
  return manager.value.http_filters;
}

describe('Istio RBAC → Envoy RBAC filter', () => {
  it('turns the walkthrough quotes-viewer role (scenario 30) into an ALLOW policy before the router', () => {
    const filters = inboundFilters(readFileSync(join(__dirname, '../../testdata/scenarios/30-servicerole-quotes-viewer.yaml'), 'utf8'));
    expect(filters.map((filter) => filter.name)).toEqual(['envoy.filters.http.fault', 'envoy.filters.http.cors', 'envoy.filters.http.rbac', 'envoy.filters.http.router']);
    const rbac = envoyCodec().unpack<RbacFilter__Output>(filters[2].typed_config as never);
    if (!rbac.ok) throw new Error(rbac.error);
    const policy = rbac.value.rules?.policies['trader/quotes-viewer'];
    expect(rbac.value.rules?.action).toBe('ALLOW');
    expect(policy?.permissions[0].and_rules?.rules.map((rule) => [rule.header?.name, rule.header?.string_match?.suffix || rule.header?.string_match?.exact])).toEqual([
      [':path', '/quotes'],
      [':method', 'GET'],
    ]);
    expect(policy?.principals[0].authenticated?.principal_name?.safe_regex?.regex).toBe('.+');
  });

  it('with RBAC on and no role for the service, denies everything (ALLOW with no policies)', () => {
    const filters = inboundFilters('');
    const rbac = envoyCodec().unpack<RbacFilter__Output>(filters[2].typed_config as never);
    expect(rbac.ok && Object.keys(rbac.value.rules?.policies ?? {})).toEqual([]);
  });
});

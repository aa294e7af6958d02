import { withMeshDefaults } from '@isthmus/config-model';
import type { IstioResource } from '@isthmus/config-model';
import { Snapshot } from '@isthmus/xds';
import { parseProxy } from '../model/proxy';
import type { Service } from '../model/service';
import { buildPushContext } from '../push/push-context';
import { generateProxyConfig } from './generate';

const service: Service = {
  hostname: 'reviews.default.svc.cluster.local', namespace: 'default', name: 'reviews', address: '10.0.0.5', ports: [{ name: 'http', port: 9080, protocol: 'HTTP' }],
  resolution: 'ClientSideLB', meshExternal: false, exportTo: [], serviceAccounts: [], source: 'memory',
};

// Resources built directly (not through validation), as if a bad one had slipped past it.
const vs: IstioResource = {
  apiVersion: 'networking.istio.io/v1alpha3', kind: 'VirtualService', metadata: { name: 'reviews', namespace: 'default' },
  spec: {
    hosts: ['reviews'],
    http: [
      { match: [{ headers: { 'user-agent': { regex: '(unclosed' } } }], route: [{ destination: { host: 'reviews', subset: 'v2' } }] },
      { match: [{ uri: { prefix: '/missing' } }], route: [{ destination: { host: 'reviews', subset: 'nope' } }] },
      { route: [{ destination: { host: 'reviews', subset: 'v1' } }] },
    ],
  },
};
const dr: IstioResource = {
  apiVersion: 'networking.istio.io/v1alpha3', kind: 'DestinationRule', metadata: { name: 'reviews', namespace: 'default' },
  spec: { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }] },
};

describe('generation robustness', () => {
  const push = buildPushContext({ mesh: withMeshDefaults(), services: [service], endpoints: () => [], resources: [vs, dr] });
  const parsed = parseProxy({ id: 'sidecar~10.0.0.9~productpage.default~default.svc.cluster.local' });
  if (!parsed.ok) throw new Error(parsed.error);
  const config = generateProxyConfig(push, parsed.proxy);

  it('skips a match with an invalid regex and keeps every other route', () => {
    const host = config.routes.find((route) => route.name === '9080')?.virtual_hosts?.find((vh) => vh.name?.startsWith('reviews'));
    expect(host?.routes?.map((route) => route.route?.cluster)).toEqual([
      'outbound|9080|nope|reviews.default.svc.cluster.local',
      'outbound|9080|v1|reviews.default.svc.cluster.local',
    ]);
    expect(config.warnings.map((warning) => warning.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('invalid regex "(unclosed"'), expect.stringContaining('subset nope of reviews.default.svc.cluster.local is not defined')]),
    );
  });

  it('gives a route to an undefined subset an empty cluster, so the snapshot stays consistent and valid', () => {
    expect(config.clusters.map((cluster) => cluster.name)).toContain('outbound|9080|nope|reviews.default.svc.cluster.local');
    const empty = config.endpoints.find((assignment) => assignment.cluster_name === 'outbound|9080|nope|reviews.default.svc.cluster.local');
    expect(empty?.endpoints).toEqual([]);
    expect(Snapshot.fromObjects(config).consistent()).toEqual([]);
  });
});

describe('consistent hash', () => {
  it('sets RING_HASH on the cluster and the hash policy on routes to it', () => {
    const hashed: IstioResource = { ...dr, spec: { host: 'reviews', trafficPolicy: { loadBalancer: { consistentHash: { httpHeaderName: 'x-user', minimumRingSize: 1024 } } } } };
    const simple: IstioResource = { ...vs, spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] } };
    const push = buildPushContext({ mesh: withMeshDefaults(), services: [service], endpoints: () => [], resources: [simple, hashed] });
    const parsed = parseProxy({ id: 'sidecar~10.0.0.9~productpage.default~default.svc.cluster.local' });
    if (!parsed.ok) throw new Error(parsed.error);
    const config = generateProxyConfig(push, parsed.proxy);
    expect(config.clusters.find((cluster) => cluster.name === 'outbound|9080||reviews.default.svc.cluster.local')).toMatchObject({ lb_policy: 'RING_HASH', ring_hash_lb_config: { minimum_ring_size: { value: 1024 } } });
    const route = config.routes.find((r) => r.name === '9080')?.virtual_hosts?.find((vh) => vh.name?.startsWith('reviews'))?.routes?.[0];
    expect(route?.route?.hash_policy).toEqual([{ header: { header_name: 'x-user' } }]);
    expect(Snapshot.fromObjects(config).consistent()).toEqual([]);
  });
});

import { withMeshDefaults } from '@isthmus/config-model';
import { parseProxy } from '../model/proxy';
import type { Service, ServiceEndpoint } from '../model/service';
import { buildPushContext } from '../push/push-context';
import { SnapshotBuilder } from './snapshot-builder';

const services: Service[] = ['a', 'b'].map((name) => ({
  hostname: `${name}.default.svc.cluster.local`, namespace: 'default', name, address: '0.0.0.0', ports: [{ name: 'http', port: 80, protocol: 'HTTP' }],
  resolution: 'ClientSideLB', meshExternal: false, exportTo: [], serviceAccounts: [], source: 'memory',
}));
const endpoint = (host: string, address: string): ServiceEndpoint => ({ hostname: host, servicePort: 80, address, port: 8080, labels: {} });

function pushWith(bAddress: string) {
  const byHost: Record<string, ServiceEndpoint[]> = {
    'a.default.svc.cluster.local': [endpoint('a.default.svc.cluster.local', '10.0.0.1')],
    'b.default.svc.cluster.local': [endpoint('b.default.svc.cluster.local', bAddress)],
  };
  return buildPushContext({ mesh: withMeshDefaults(), services, endpoints: (host) => byHost[host] ?? [], resources: [] });
}

describe('SnapshotBuilder', () => {
  const parsed = [1, 2].map((i) => parseProxy({ id: `sidecar~10.9.0.${i}~p${i}.default~default.svc.cluster.local` }));
  const proxies = parsed.map((result) => {
    if (!result.ok) throw new Error(result.error);
    return result.proxy;
  });

  it('shares one snapshot between proxies with the same shared key and no own ports', () => {
    const builder = new SnapshotBuilder(pushWith('10.0.0.2'));
    expect(builder.build(proxies[0]).snapshot).toBe(builder.build(proxies[1]).snapshot);
    expect(builder.sharedCount).toBe(1);
  });

  it('an endpoint-only rebuild equals a full rebuild', () => {
    const first = new SnapshotBuilder(pushWith('10.0.0.2'));
    first.build(proxies[0]);
    const incremental = new SnapshotBuilder(pushWith('10.0.0.3'), first, new Set(['b.default.svc.cluster.local']));
    const full = new SnapshotBuilder(pushWith('10.0.0.3'));
    expect(incremental.build(proxies[0]).snapshot.version).toBe(full.build(proxies[0]).snapshot.version);
    expect(incremental.build(proxies[0]).snapshot.version).not.toBe(first.build(proxies[0]).snapshot.version);
  });
});

/**
 * Acceptance: Services and Endpoints created in a real Kubernetes API server reach a connected ADS client as EDS
 * (the measured latency is printed; machines are shared, so no absolute-time assertion).
 */
import { CoreV1Api } from '@kubernetes/client-node';
import type { ClusterLoadAssignment__Output, Cluster__Output } from '@isthmus/protos';
import { LogScopes } from '@isthmus/runtime';
import { kubeConfig, useNamespace } from '@isthmus/testenv';
import { AdsClient, MemorySnapshotCache, TYPE_URL } from '@isthmus/xds';
import { TestAdsServer, startTestAdsServer, waitFor } from '@isthmus/xds/testing';
import { Registry } from 'prom-client';
import { DiscoveryService } from '../src';
import { KubeRegistry } from '../src/kubernetes';

describe('Kubernetes registry → EDS over ADS', () => {
  const ns = useNamespace('pilot');
  let registry: KubeRegistry;
  let discovery: DiscoveryService;
  let server: TestAdsServer;
  let client: AdsClient;
  const logs = new LogScopes('pilot-test', new Map([['default', 'warn']]));

  beforeAll(async () => {
    registry = new KubeRegistry({ kubeConfig: kubeConfig(), logger: logs.scope('kube') });
    await registry.start();
    const cache = new MemorySnapshotCache();
    discovery = new DiscoveryService({ cache, registries: [registry], configSources: [], logger: logs.scope('model'), metrics: new Registry(), debounceAfterMs: 50, debounceMaxMs: 500 });
    await discovery.start();
    server = await startTestAdsServer({ cache, callbacks: discovery.callbacks });
  });

  afterAll(async () => {
    client?.close();
    discovery?.close();
    await server?.stop();
    await registry?.stop();
  });

  it('delivers a new Service as CDS and its Endpoints (and their changes) as EDS', async () => {
    const seen = { clusters: [] as string[], endpoints: new Map<string, string[]>(), at: new Map<string, number>() };
    client = new AdsClient({ address: server.address, node: { id: `sidecar~10.9.9.9~client.${ns.name}~${ns.name}.svc.cluster.local` } });
    client.subscribe<Cluster__Output>(TYPE_URL.cluster, null, (update) => {
      seen.clusters = update.resources.map((resource) => resource.name);
      client.setNames(TYPE_URL.endpoint, update.resources.filter((resource) => resource.value.type === 'EDS').map((resource) => resource.name));
    });
    client.subscribe<ClusterLoadAssignment__Output>(TYPE_URL.endpoint, [], (update) => {
      for (const resource of update.resources) {
        const addresses = resource.value.endpoints.flatMap((locality) => locality.lb_endpoints.map((lb) => `${lb.endpoint?.address?.socket_address?.address}:${lb.endpoint?.address?.socket_address?.port_value}`));
        seen.endpoints.set(resource.name, addresses);
        seen.at.set(`${resource.name}=${addresses.join(',')}`, Date.now());
      }
    });
    client.start();
    await waitFor(() => client.status(TYPE_URL.cluster)?.ackedVersion, 'initial CDS');

    const core = kubeConfig().makeApiClient(CoreV1Api);
    const cluster = `outbound|80||web.${ns.name}.svc.cluster.local`;
    const created = Date.now();
    await core.createNamespacedService({ namespace: ns.name, body: { metadata: { name: 'web' }, spec: { ports: [{ name: 'http', port: 80, targetPort: 8080 as never }] } } });
    await core.createNamespacedEndpoints({
      namespace: ns.name,
      body: { metadata: { name: 'web' }, subsets: [{ addresses: [{ ip: '10.1.2.3' }], ports: [{ name: 'http', port: 8080 }] }] },
    });
    await waitFor(() => seen.endpoints.get(cluster)?.includes('10.1.2.3:8080'), 'EDS for the new service', 10_000);
    const first = seen.at.get(`${cluster}=10.1.2.3:8080`)! - created;

    const changed = Date.now();
    await core.replaceNamespacedEndpoints({
      name: 'web',
      namespace: ns.name,
      body: { metadata: { name: 'web' }, subsets: [{ addresses: [{ ip: '10.1.2.3' }, { ip: '10.1.2.4' }], ports: [{ name: 'http', port: 8080 }] }] },
    });
    await waitFor(() => seen.endpoints.get(cluster)?.length === 2, 'EDS for the endpoint change', 10_000);
    const update = seen.at.get(`${cluster}=10.1.2.3:8080,10.1.2.4:8080`)! - changed;
    console.log(`Kubernetes → EDS: new Service+Endpoints ${first} ms, endpoint change ${update} ms (debounce 50 ms)`);
    expect(seen.clusters).toContain(cluster);
  });
});

import type { ClusterLoadAssignment__Output, Cluster__Output } from '@isthmus/protos';
import { AdsClient, Snapshot, TYPE_URL, XdsUpdate } from '../src';
import { TestAdsServer, edsCluster, endpoints, httpListener, simpleRoute, startTestAdsServer, waitFor } from '../src/testing';

const NODE_ID = 'sidecar~10.0.0.1~a.ns~ns.svc.cluster.local';

function snapshot(addresses: string[], clusters = ['a']) {
  return Snapshot.fromObjects({
    clusters: clusters.map(edsCluster),
    endpoints: clusters.map((name) => endpoints(name, addresses)),
    listeners: [httpListener('l80', 80, 'r80')],
    routes: [simpleRoute('r80', ['*'], clusters[0])],
  });
}

/** A client that follows CDS with EDS names the way Envoy does. */
function envoyLikeClient(address: string, reject?: (update: XdsUpdate<Cluster__Output>) => string | undefined) {
  const client = new AdsClient({ address, node: { id: NODE_ID, cluster: 'a' }, backoff: { initialMs: 20, maxMs: 200 } });
  const seen = { clusters: [] as string[], endpoints: new Map<string, string[]>() };
  client.subscribe<Cluster__Output>(TYPE_URL.cluster, null, (update) => {
    const problem = reject?.(update);
    if (problem) throw new Error(problem);
    seen.clusters = update.resources.map((resource) => resource.name);
    client.setNames(TYPE_URL.endpoint, seen.clusters);
  });
  client.subscribe<ClusterLoadAssignment__Output>(TYPE_URL.endpoint, [], (update) => {
    for (const resource of update.resources) {
      seen.endpoints.set(resource.name, resource.value.endpoints.flatMap((locality) => locality.lb_endpoints.map((lb) => `${lb.endpoint?.address?.socket_address?.address}:${lb.endpoint?.address?.socket_address?.port_value}`)));
    }
  });
  client.subscribe(TYPE_URL.listener, null, () => undefined);
  client.subscribe(TYPE_URL.route, ['r80'], () => undefined);
  return { client, seen };
}

describe('ADS over real gRPC (loopback)', () => {
  let server: TestAdsServer;
  const clients: AdsClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await server?.stop();
  });

  it('delivers a snapshot and ACKs every type at the snapshot versions', async () => {
    server = await startTestAdsServer();
    server.cache.setSnapshot(NODE_ID, snapshot(['10.0.0.1:80']));
    const { client, seen } = envoyLikeClient(server.address);
    clients.push(client);
    client.start();
    const expected = server.cache.getSnapshot(NODE_ID)!;
    await waitFor(() => client.status(TYPE_URL.route)?.ackedVersion, 'RDS ACK');
    expect(client.status(TYPE_URL.cluster)?.ackedVersion).toBe(expected.get(TYPE_URL.cluster).version);
    expect(client.status(TYPE_URL.listener)?.ackedVersion).toBe(expected.get(TYPE_URL.listener).version);
    expect(seen.endpoints.get('a')).toEqual(['10.0.0.1:80']);
    const connection = server.ads.connections()[0];
    await waitFor(() => connection.status().every((status) => !status.inFlight), 'all ACKs on the server');
    expect(connection.node.id).toBe(NODE_ID);
  });

  it('pushes an endpoint change as EDS only', async () => {
    server = await startTestAdsServer();
    server.cache.setSnapshot(NODE_ID, snapshot(['10.0.0.1:80']));
    const { client, seen } = envoyLikeClient(server.address);
    clients.push(client);
    client.start();
    await waitFor(() => client.status(TYPE_URL.route)?.ackedVersion, 'initial config');
    const cdsAcks = client.status(TYPE_URL.cluster)!.acks;
    server.cache.setSnapshot(NODE_ID, snapshot(['10.0.0.2:80', '10.0.0.3:80']));
    await waitFor(() => seen.endpoints.get('a')?.length === 2, 'new endpoints');
    expect(client.status(TYPE_URL.cluster)!.acks).toBe(cdsAcks);
  });

  it('on NACK the client keeps its previous config and the server counts the rejection', async () => {
    const nacks: string[] = [];
    server = await startTestAdsServer({ callbacks: { onNack: (_c, _t, _v, _n, error) => nacks.push(error) } });
    server.cache.setSnapshot(NODE_ID, snapshot(['10.0.0.1:80']));
    const { client, seen } = envoyLikeClient(server.address, (update) => (update.resources.some((r) => r.name === 'evil') ? 'cluster evil is not allowed' : undefined));
    clients.push(client);
    client.start();
    await waitFor(() => client.status(TYPE_URL.cluster)?.ackedVersion, 'first CDS');
    const good = client.status(TYPE_URL.cluster)!.ackedVersion;
    server.cache.setSnapshot(NODE_ID, snapshot(['10.0.0.1:80'], ['a', 'evil']));
    await waitFor(() => nacks.length === 1, 'NACK on the server');
    expect(nacks[0]).toBe('cluster evil is not allowed');
    expect(client.status(TYPE_URL.cluster)).toMatchObject({ ackedVersion: good, nacks: 1, lastError: 'cluster evil is not allowed' });
    expect(seen.clusters).toEqual(['a']);
    // The next good change goes through.
    server.cache.setSnapshot(NODE_ID, snapshot(['10.0.0.1:80'], ['a', 'b']));
    await waitFor(() => seen.clusters.length === 2, 'next good CDS');
  });

  it('reconnects after a server restart and converges to identical versions', async () => {
    server = await startTestAdsServer();
    server.cache.setSnapshot(NODE_ID, snapshot(['10.0.0.1:80']));
    const port = server.port;
    const { client } = envoyLikeClient(server.address);
    clients.push(client);
    client.start();
    await waitFor(() => client.status(TYPE_URL.route)?.ackedVersion, 'initial config');
    const before = [TYPE_URL.cluster, TYPE_URL.endpoint, TYPE_URL.listener, TYPE_URL.route].map((url) => client.status(url)?.ackedVersion);
    const acksBefore = client.status(TYPE_URL.cluster)!.acks;
    await server.stop();
    await waitFor(() => !client.connected, 'disconnect');
    server = await startTestAdsServer({ port });
    server.cache.setSnapshot(NODE_ID, snapshot(['10.0.0.1:80']));
    await waitFor(() => client.status(TYPE_URL.cluster)!.acks > acksBefore && client.status(TYPE_URL.route)!.acks > 1, 'reconverged', 10_000);
    const after = [TYPE_URL.cluster, TYPE_URL.endpoint, TYPE_URL.listener, TYPE_URL.route].map((url) => client.status(url)?.ackedVersion);
    expect(after).toEqual(before);
  });

  it('sends nothing until a snapshot exists, then publishes it on connect via onStreamOpen', async () => {
    server = await startTestAdsServer({
      callbacks: { onStreamOpen: (connection) => void server.cache.setSnapshot(connection.key, snapshot(['10.0.0.9:80'])) },
    });
    const { client, seen } = envoyLikeClient(server.address);
    clients.push(client);
    client.start();
    await waitFor(() => seen.endpoints.get('a')?.[0] === '10.0.0.9:80', 'snapshot generated on connect');
  });
});

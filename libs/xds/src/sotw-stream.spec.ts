import type { DiscoveryRequest__Output } from '@isthmus/protos';
import type { OutgoingResponse as DiscoveryResponse } from './response-encoding';
import { LogScopes } from '@isthmus/runtime';
import { MemorySnapshotCache } from './cache';
import type { AdsCallbacks } from './connection';
import { TYPE_URL, shortTypeName } from './resource-types';
import { Snapshot } from './snapshot';
import { SotwStream } from './sotw-stream';
import { edsCluster, endpoints, httpListener, simpleRoute } from './testing';

const NODE = { id: 'sidecar~10.0.0.1~a.ns~ns.svc.cluster.local', cluster: 'a' };

function snapshot(address = '10.0.0.1:80', cluster = 'a') {
  return Snapshot.fromObjects({
    clusters: [edsCluster(cluster)],
    endpoints: [endpoints(cluster, [address])],
    listeners: [httpListener('l80', 80, 'r80')],
    routes: [simpleRoute('r80', ['*'], cluster)],
  });
}

function request(typeUrl: string, fields: Partial<DiscoveryRequest__Output> = {}): DiscoveryRequest__Output {
  return { version_info: '', node: null, resource_names: [], type_url: typeUrl, response_nonce: '', error_detail: null, resource_locators: [], ...fields } as DiscoveryRequest__Output;
}

function setup(callbacks: AdsCallbacks = {}) {
  const cache = new MemorySnapshotCache();
  const sent: DiscoveryResponse[] = [];
  const stream = new SotwStream({
    id: 's1',
    peer: 'test',
    sink: { write: (response) => void sent.push(response) },
    cache,
    queue: { enqueue: (target) => void target.flush(), remove: () => undefined },
    callbacks,
    logger: new LogScopes('test', new Map([['default', 'fatal']])).root,
    nodeKey: (node) => node.id,
    controlPlaneId: 'test',
  });
  const ack = (response: DiscoveryResponse, names: string[] = []) =>
    stream.handleRequest(request(response.type_url!, { version_info: response.version_info!, response_nonce: response.nonce!, resource_names: names }));
  const types = () => sent.map((response) => shortTypeName(response.type_url!));
  return { cache, sent, stream, ack, types };
}

describe('SotwStream', () => {
  it('sends types in push order, each only after the earlier type is ACKed', () => {
    const { cache, sent, stream, ack, types } = setup();
    cache.setSnapshot(NODE.id, snapshot());
    stream.handleRequest(request(TYPE_URL.listener, { node: NODE as never }));
    stream.handleRequest(request(TYPE_URL.cluster));
    stream.handleRequest(request(TYPE_URL.endpoint, { resource_names: ['a'] }));
    stream.handleRequest(request(TYPE_URL.route, { resource_names: ['r80'] }));
    // LDS went out while it was the only subscription; CDS precedes it in push order so it is not held back by it,
    // but EDS waits for the CDS ACK and RDS for the ACKs of everything before it.
    expect(types()).toEqual(['LDS', 'CDS']);
    ack(sent[1]);
    expect(types()).toEqual(['LDS', 'CDS', 'EDS']);
    ack(sent[2], ['a']);
    expect(types()).toEqual(['LDS', 'CDS', 'EDS']);
    ack(sent[0]);
    expect(types()).toEqual(['LDS', 'CDS', 'EDS', 'RDS']);
    ack(sent[3], ['r80']);
    expect(sent).toHaveLength(4);
    expect(stream.status().every((status) => !status.inFlight && status.ackedVersion === status.sentVersion)).toBe(true);
  });

  it('pushes only what changed: an endpoint change sends EDS alone', () => {
    const { cache, sent, stream, ack, types } = setup();
    cache.setSnapshot(NODE.id, snapshot());
    stream.handleRequest(request(TYPE_URL.cluster, { node: NODE as never }));
    ack(sent[0]);
    stream.handleRequest(request(TYPE_URL.endpoint, { resource_names: ['a'] }));
    ack(sent[1], ['a']);
    cache.setSnapshot(NODE.id, snapshot('10.0.0.2:80'));
    stream.flush();
    expect(types()).toEqual(['CDS', 'EDS', 'EDS']);
  });

  it('filters named subscriptions and resends when the names change', () => {
    const { cache, sent, stream, ack } = setup();
    cache.setSnapshot(NODE.id, Snapshot.fromObjects({ clusters: [edsCluster('a'), edsCluster('b')], endpoints: [endpoints('a', []), endpoints('b', [])] }));
    stream.handleRequest(request(TYPE_URL.endpoint, { node: NODE as never, resource_names: ['a'] }));
    expect(sent[0].resources).toHaveLength(1);
    ack(sent[0], ['a', 'b']);
    expect(sent[1].resources).toHaveLength(2);
    ack(sent[1], ['a', 'b']);
    expect(sent).toHaveLength(2);
  });

  it('ignores stale nonces', () => {
    const { cache, sent, stream } = setup();
    cache.setSnapshot(NODE.id, snapshot());
    stream.handleRequest(request(TYPE_URL.cluster, { node: NODE as never }));
    stream.handleRequest(request(TYPE_URL.cluster, { response_nonce: 'old', version_info: 'x' }));
    expect(stream.status()[0].inFlight).toBe(true);
    expect(sent).toHaveLength(1);
  });

  it('on NACK reports, keeps the rejected version unsent, and sends the next content change', () => {
    const nacks: string[] = [];
    const { cache, sent, stream, types } = setup({ onNack: (_c, type, version, _n, error) => nacks.push(`${shortTypeName(type)} ${version} ${error}`) });
    cache.setSnapshot(NODE.id, snapshot());
    stream.handleRequest(request(TYPE_URL.cluster, { node: NODE as never }));
    stream.handleRequest(request(TYPE_URL.cluster, { response_nonce: sent[0].nonce!, error_detail: { code: 3, message: 'bad cluster' } as never }));
    expect(nacks).toEqual([`CDS ${sent[0].version_info} bad cluster`]);
    expect(stream.status()[0]).toMatchObject({ lastError: 'bad cluster', inFlight: false, ackedVersion: undefined });
    stream.flush();
    expect(types()).toEqual(['CDS']);
    cache.setSnapshot(NODE.id, snapshot('10.0.0.1:80', 'b'));
    stream.flush();
    expect(types()).toEqual(['CDS', 'CDS']);
  });

  it('reports open, responses and ACKs to callbacks', () => {
    const events: string[] = [];
    const { cache, sent, stream, ack } = setup({
      onStreamOpen: (connection) => {
        events.push(`open ${connection.key}`);
        cache.setSnapshot(connection.key, snapshot());
      },
      onResponse: (_c, type) => events.push(`response ${shortTypeName(type)}`),
      onAck: (_c, type) => events.push(`ack ${shortTypeName(type)}`),
      onStreamClose: () => events.push('close'),
    });
    stream.handleRequest(request(TYPE_URL.cluster, { node: NODE as never }));
    ack(sent[0]);
    stream.close();
    expect(events).toEqual([`open ${NODE.id}`, 'response CDS', 'ack CDS', 'close']);
  });
});

describe('SotwStream incremental EDS/RDS', () => {
  function twoClusters(b: string) {
    return Snapshot.fromObjects({ clusters: [edsCluster('a'), edsCluster('b')], endpoints: [endpoints('a', ['10.0.0.1:80']), endpoints('b', [b])] });
  }

  it('sends only the changed ClusterLoadAssignment once the client has the others', () => {
    const { cache, sent, stream, ack } = setup();
    cache.setSnapshot(NODE.id, twoClusters('10.0.0.2:80'));
    stream.handleRequest(request(TYPE_URL.endpoint, { node: NODE as never, resource_names: ['a', 'b'] }));
    expect(sent[0].resources).toHaveLength(2);
    ack(sent[0], ['a', 'b']);
    cache.setSnapshot(NODE.id, twoClusters('10.0.0.3:80'));
    stream.flush();
    expect(sent[1].resources).toHaveLength(1);
    expect(sent[1].version_info).toBe(cache.getSnapshot(NODE.id) && sent[1].version_info);
    // After a NACK the next response is computed against what the client last accepted.
    stream.handleRequest(request(TYPE_URL.endpoint, { response_nonce: sent[1].nonce!, resource_names: ['a', 'b'], error_detail: { code: 3, message: 'no' } as never }));
    cache.setSnapshot(NODE.id, twoClusters('10.0.0.4:80'));
    stream.flush();
    expect(sent[2].resources).toHaveLength(1);
  });

  it('sends every resource again when the subscription changes', () => {
    const { cache, sent, stream, ack } = setup();
    cache.setSnapshot(NODE.id, twoClusters('10.0.0.2:80'));
    stream.handleRequest(request(TYPE_URL.endpoint, { node: NODE as never, resource_names: ['a'] }));
    ack(sent[0], ['a', 'b']);
    expect(sent[1].resources).toHaveLength(2);
  });
});

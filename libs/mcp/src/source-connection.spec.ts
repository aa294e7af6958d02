import type { McpRequestResources__Output } from '@isthmus/protos';
import { makeEntry, snapshotFrom, type McpEntry } from './snapshot';
import { SnapshotCache } from './snapshot-cache';
import { SourceConnection } from './source-connection';
import { encodeResources, type WireResources } from './wire';
import { decodeResources } from './wire-decode';

const received = (message: WireResources) => decodeResources(encodeResources(message));

const COLLECTION = 'istio/networking/v1alpha3/virtualservices';

function request(partial: Partial<McpRequestResources__Output>): McpRequestResources__Output {
  return {
    sink_node: { id: 'sink-1', annotations: {} },
    collection: COLLECTION,
    initial_resource_versions: {},
    response_nonce: '',
    error_detail: null,
    incremental: false,
    ...partial,
  };
}

function setup() {
  const cache = new SnapshotCache();
  const sent: WireResources[] = [];
  const publish = (...entries: McpEntry[]) =>
    cache.setSnapshot(snapshotFrom([COLLECTION], new Map([[COLLECTION, entries]])));
  publish(makeEntry({ name: 'ns/a', body: { hosts: ['a'] } }));
  const connection = new SourceConnection(
    'c1',
    'peer',
    cache,
    (c) => c === COLLECTION,
    (m) => sent.push(m),
    {},
  );
  cache.subscribe((published) => connection.onSnapshot(published));
  return { cache, sent, publish, connection };
}

describe('SourceConnection', () => {
  it('answers a subscription with the full collection and waits for the ACK before the next push', () => {
    const { sent, publish, connection } = setup();
    connection.handleRequest(request({}));
    expect(sent).toHaveLength(1);
    expect(received(sent[0]).resources).toHaveLength(1);
    publish(makeEntry({ name: 'ns/a', body: { hosts: ['b'] } }));
    expect(sent).toHaveLength(1); // one response in flight per collection
    connection.handleRequest(request({ response_nonce: sent[0].nonce }));
    expect(sent).toHaveLength(2);
    expect(sent[1].systemVersionInfo).not.toBe(sent[0].systemVersionInfo);
    expect(connection.status().collections[0].ackedVersion).toBe(sent[0].systemVersionInfo);
  });

  it('keeps a NACKing sink on the same version until the collection changes', () => {
    const { sent, publish, connection } = setup();
    connection.handleRequest(request({}));
    connection.handleRequest(
      request({ response_nonce: sent[0].nonce, error_detail: { code: 3, message: 'bad', details: [] } }),
    );
    expect(sent).toHaveLength(1);
    const status = connection.status().collections[0];
    expect(status.nackedVersion).toBe(sent[0].systemVersionInfo);
    expect(status.ackedVersion).toBeUndefined();
    publish(makeEntry({ name: 'ns/a', body: { hosts: ['c'] } }));
    expect(sent).toHaveLength(2);
  });

  it('ignores a stale nonce', () => {
    const { sent, connection } = setup();
    connection.handleRequest(request({}));
    connection.handleRequest(request({ response_nonce: 'not-mine' }));
    expect(connection.status().collections[0].pendingVersion).toBe(sent[0].systemVersionInfo);
  });

  it('sends only changes and removals in incremental mode, starting from the versions the sink holds', () => {
    const { sent, publish, connection } = setup();
    const a = makeEntry({ name: 'ns/a', body: { hosts: ['a'] } });
    connection.handleRequest(
      request({ incremental: true, initial_resource_versions: { 'ns/a': a.version, 'ns/gone': 'x' } }),
    );
    expect(sent[0]).toMatchObject({ incremental: true, removedResources: ['ns/gone'] });
    expect(received(sent[0]).resources).toHaveLength(0);
    connection.handleRequest(request({ response_nonce: sent[0].nonce }));
    publish(a, makeEntry({ name: 'ns/b', body: {} }));
    expect(sent[1].incremental).toBe(true);
    expect(received(sent[1]).resources).toHaveLength(1);
  });

  it('refuses an unsupported collection', () => {
    const { connection } = setup();
    expect(connection.handleRequest(request({ collection: 'nope' }))).toEqual({
      ok: false,
      code: 'INVALID_ARGUMENT',
      message: 'unsupported collection "nope"',
    });
  });
});

import { MemorySnapshotCache } from './cache';
import { Snapshot, decodeSnapshot, packCluster } from './snapshot';
import { TYPE_URL } from './resource-types';
import { edsCluster, endpoints, httpListener, simpleRoute } from './testing';

function sample(address = '10.0.0.1:80') {
  return Snapshot.fromObjects({
    clusters: [edsCluster('a'), { name: 'static', type: 'STATIC' }],
    endpoints: [endpoints('a', [address])],
    listeners: [httpListener('l80', 80, 'r80')],
    routes: [simpleRoute('r80', ['*'], 'a')],
  });
}

describe('Snapshot', () => {
  it('derives versions from content only', () => {
    expect(sample().version).toBe(sample().version);
    const changed = sample('10.0.0.2:80');
    expect(changed.version).not.toBe(sample().version);
    expect(changed.get(TYPE_URL.cluster).version).toBe(sample().get(TYPE_URL.cluster).version);
    expect(changed.get(TYPE_URL.endpoint).version).not.toBe(sample().get(TYPE_URL.endpoint).version);
  });

  it('does not depend on input order', () => {
    const forward = Snapshot.fromObjects({ clusters: [edsCluster('a'), edsCluster('b')], endpoints: [endpoints('a', []), endpoints('b', [])] });
    const backward = Snapshot.fromObjects({ clusters: [edsCluster('b'), edsCluster('a')], endpoints: [endpoints('b', []), endpoints('a', [])] });
    expect(forward.version).toBe(backward.version);
  });

  it('reports every missing endpoint set and route configuration', () => {
    const broken = Snapshot.fromObjects({ clusters: [edsCluster('a')], listeners: [httpListener('l80', 80, 'r80')] });
    expect(broken.consistent().map((problem) => problem.message)).toEqual([
      'CDS a references EDS a, which the snapshot lacks',
      'LDS l80 references RDS r80, which the snapshot lacks',
    ]);
    expect(sample().consistent()).toEqual([]);
  });

  it('rejects duplicate names and bad fields, naming them', () => {
    expect(() => Snapshot.of([packCluster(edsCluster('a')), packCluster(edsCluster('a'))])).toThrow('CDS: duplicate resource name "a"');
    expect(() => packCluster({ name: 'x', lb_policy: 'NOPE' as never })).toThrow(/lb_policy/);
  });

  it('decodes back to objects for config dumps', () => {
    const dump = decodeSnapshot(sample());
    expect((dump.CDS as { name: string }[]).map((cluster) => cluster.name)).toEqual(['a', 'static']);
    expect(dump.RDS).toHaveLength(1);
  });
});

describe('MemorySnapshotCache', () => {
  it('publishes only consistent snapshots and keeps the last good one', () => {
    const cache = new MemorySnapshotCache();
    const seen: string[] = [];
    const stop = cache.watch('n', (snapshot) => seen.push(snapshot.version));
    expect(cache.setSnapshot('n', sample())).toEqual({ ok: true, changed: true });
    const rejected = cache.setSnapshot('n', Snapshot.fromObjects({ clusters: [edsCluster('a')] }));
    expect(rejected.ok).toBe(false);
    expect(cache.getSnapshot('n')?.version).toBe(sample().version);
    expect(cache.setSnapshot('n', sample())).toEqual({ ok: true, changed: false });
    stop();
    cache.setSnapshot('n', sample('10.9.9.9:1'));
    expect(seen).toEqual([sample().version]);
    expect(cache.keys()).toEqual(['n']);
  });
});

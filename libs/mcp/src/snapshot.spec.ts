import { canonicalJson } from './hash';
import {
  deltaSince,
  diffCollection,
  makeCollection,
  makeEntry,
  snapshotFrom,
  updateCollection,
  versionsOf,
} from './snapshot';

describe('content-derived versions', () => {
  it('ignores key order and changes with content, labels and annotations', () => {
    const a = makeEntry({ name: 'ns/a', body: { hosts: ['x'], gateways: ['g'] } });
    const reordered = makeEntry({ name: 'ns/a', body: { gateways: ['g'], hosts: ['x'] } });
    expect(reordered.version).toBe(a.version);
    expect(makeEntry({ name: 'ns/a', body: { hosts: ['y'], gateways: ['g'] } }).version).not.toBe(a.version);
    expect(makeEntry({ name: 'ns/a', body: a.body, labels: { app: 'x' } }).version).not.toBe(a.version);
    expect(makeEntry({ name: 'ns/a', body: a.body, annotations: { note: 'x' } }).version).not.toBe(a.version);
  });

  it('gives a collection the same version whatever order its entries came in', () => {
    const a = makeEntry({ name: 'ns/a', body: { n: 1 } });
    const b = makeEntry({ name: 'ns/b', body: { n: 2 } });
    expect(makeCollection('c', [a, b]).version).toBe(makeCollection('c', [b, a]).version);
    expect(makeCollection('c', [a]).version).not.toBe(makeCollection('c', [a, b]).version);
    expect(makeCollection('c', []).version).not.toBe(makeCollection('d', []).version);
  });

  it('writes canonical JSON with sorted keys and no undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe('snapshots and diffs', () => {
  it('includes every named collection, empty ones too', () => {
    const snapshot = snapshotFrom(['x', 'y'], new Map([['x', [makeEntry({ name: 'a', body: {} })]]]));
    expect([...snapshot.collections.keys()]).toEqual(['x', 'y']);
    expect(snapshot.collections.get('y')?.entries.size).toBe(0);
  });

  it('computes changed and removed resources against what a sink holds', () => {
    const a = makeEntry({ name: 'a', body: { v: 1 } });
    const b = makeEntry({ name: 'b', body: { v: 1 } });
    const before = makeCollection('c', [a, b]);
    const a2 = makeEntry({ name: 'a', body: { v: 2 } });
    const d = makeEntry({ name: 'd', body: {} });
    const after = makeCollection('c', [a2, d]);
    const diff = diffCollection(versionsOf(before), after);
    expect(diff.changed.map((entry) => entry.name).sort()).toEqual(['a', 'd']);
    expect(diff.removed).toEqual(['b']);
    expect(diffCollection(versionsOf(after), after)).toEqual({ changed: [], removed: [] });
  });
});

describe('updateCollection and deltaSince', () => {
  const entry = (name: string, v: number) => makeEntry({ name, body: { v } });

  it('gives the same version as building the collection from scratch', () => {
    const base = makeCollection('c', [entry('a', 1), entry('b', 1), entry('c', 1)]);
    const updated = updateCollection(base, [entry('a', 2), entry('d', 1)], ['b']);
    expect(updated.version).toBe(makeCollection('c', [entry('a', 2), entry('c', 1), entry('d', 1)]).version);
    expect([...updated.entries.keys()].sort()).toEqual(['a', 'c', 'd']);
    expect(base.entries.size).toBe(3); // the previous collection is untouched
  });

  it('diffs through a chain of updates from the changes alone, and gives up beyond the kept lineage', () => {
    const base = makeCollection('c', [entry('a', 1), entry('b', 1)]);
    const one = updateCollection(base, [entry('a', 2)], []);
    const two = updateCollection(one, [entry('a', 1), entry('x', 1)], ['b']);
    const delta = deltaSince(base, two);
    expect(delta?.changed.map((e) => e.name)).toEqual(['x']); // a went back to its base version
    expect(delta?.removed).toEqual(['b']);
    expect(deltaSince(two, base)).toBeUndefined();
    let current = two;
    for (let i = 0; i < 20; i++) current = updateCollection(current, [entry('y', i)], []);
    expect(deltaSince(base, current)).toBeUndefined();
    expect(deltaSince(updateCollection(current, [], []), updateCollection(current, [], []))).toBeUndefined();
  });
});

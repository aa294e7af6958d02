import { IstioConfigSchema } from './config-schema';
import type { RawResource } from './model';
import { EMPTY_CONFIG, processResources, snapshotOf, VerdictCache } from './processing';

const schema = new IstioConfigSchema();
const VS_COLLECTION = 'istio/networking/v1alpha3/virtualservices';

function vs(name: string, spec: Record<string, unknown>): RawResource {
  return {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'VirtualService',
    namespace: 'trading',
    name,
    labels: {},
    annotations: {},
    body: spec as RawResource['body'],
    origin: 'test',
  };
}

const goodSpec = { hosts: ['trader'], http: [{ route: [{ destination: { host: 'trader' } }] }] };
const badSpec = { hosts: ['trader'], http: [{ route: [{ destination: { host: 'trader' }, weight: 'x' }] }] };

describe('processResources', () => {
  it('accepts valid resources and reports creates, updates and deletes', () => {
    const verdicts = new VerdictCache();
    const first = processResources(EMPTY_CONFIG, [vs('a', goodSpec)], schema, verdicts);
    expect(first.changes.map((c) => `${c.operation} ${c.namespace}/${c.name}`)).toEqual(['CREATE trading/a']);
    const second = processResources(
      first.config,
      [vs('a', { ...goodSpec, hosts: ['trader', 'x'] }), vs('b', goodSpec)],
      schema,
      verdicts,
    );
    expect(second.changes.map((c) => `${c.operation} ${c.name}`).sort()).toEqual(['CREATE b', 'UPDATE a']);
    const third = processResources(second.config, [vs('b', goodSpec)], schema, verdicts);
    expect(third.changes.map((c) => `${c.operation} ${c.name}`)).toEqual(['DELETE a']);
    expect(third.changes[0].contentHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('leaves an invalid resource out, keeping the last good version of the same resource', () => {
    const verdicts = new VerdictCache();
    const good = processResources(EMPTY_CONFIG, [vs('a', goodSpec)], schema, verdicts);
    const goodVersion = good.config.accepted.values().next().value?.entry.version;
    const bad = processResources(good.config, [vs('a', badSpec), vs('new-and-bad', badSpec)], schema, verdicts);
    expect(bad.changes).toEqual([]);
    expect([...bad.config.accepted.values()].map((r) => [r.raw.name, r.entry.version])).toEqual([['a', goodVersion]]);
    expect(bad.newRejections.map((r) => [r.raw.name, r.servingLastGood])).toEqual([
      ['a', true],
      ['new-and-bad', false],
    ]);
    expect(bad.newRejections[0].problems[0].path).toContain('weight');
    const again = processResources(bad.config, [vs('a', badSpec), vs('new-and-bad', badSpec)], schema, verdicts);
    expect(again.newRejections).toEqual([]);
    const fixed = processResources(again.config, [vs('a', goodSpec)], schema, verdicts);
    expect(fixed.cleared.map((r) => r.name).sort()).toEqual(['a', 'new-and-bad']);
  });

  it('builds a snapshot with every collection, including the k8s/core ones', () => {
    const result = processResources(EMPTY_CONFIG, [vs('a', goodSpec)], schema, new VerdictCache());
    const snapshot = snapshotOf(result.config, schema.kinds());
    expect(snapshot.collections.get(VS_COLLECTION)?.entries.get('trading/a')?.body).toEqual(goodSpec);
    expect(snapshot.collections.has('k8s/core/v1/services')).toBe(true);
    expect(snapshot.collections.has('istio/rbac/v1alpha1/serviceroles')).toBe(true);
    expect(snapshot.collections.size).toBe(schema.kinds().length);
  });
});

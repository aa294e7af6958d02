/**
 * The generated CRDs against a real kube-apiserver: all 28 are accepted and become Established; every walkthrough
 * resource and every sample is stored; resources violating the structural schema are rejected by the API server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiextensionsV1Api, CustomObjectsApi, type V1CustomResourceDefinition } from '@kubernetes/client-node';
// Not re-exported by the package index; the generated model's (de)serialiser maps wire names to model names.
const { ObjectSerializer } = require('@kubernetes/client-node/dist/gen/models/ObjectSerializer.js') as {
  ObjectSerializer: { deserialize(data: unknown, type: string): unknown };
};
import { eventually, kubeConfig, uniqueName, useNamespace } from '@isthmus/testenv';
import { parseAllDocuments } from 'yaml';
import { istioSchemas, validateText } from '../src';
import { readScenario, sampleResources, scenarioFiles } from '../src/testing';

const CHART_FILES = join(__dirname, '..', '..', '..', 'charts', 'istio-init', 'files');

function chartCrds(): V1CustomResourceDefinition[] {
  return readdirSync(CHART_FILES)
    .filter((name) => name.startsWith('crd-') && name.endsWith('.yaml'))
    .flatMap((name) => parseAllDocuments(readFileSync(join(CHART_FILES, name), 'utf8')) as unknown as { toJS(): unknown }[])
    // client-node serialises its model types: wire names such as `x-kubernetes-preserve-unknown-fields` and `enum`
    // survive only when the manifest is first deserialised into that model.
    .map((doc) => ObjectSerializer.deserialize(doc.toJS(), 'V1CustomResourceDefinition') as V1CustomResourceDefinition);
}

async function apply(ext: ApiextensionsV1Api, crd: V1CustomResourceDefinition): Promise<void> {
  const name = crd.metadata?.name ?? '';
  try {
    await ext.createCustomResourceDefinition({ body: crd });
  } catch (error) {
    if ((error as { code?: number }).code !== 409) throw error;
    const existing = await ext.readCustomResourceDefinition({ name });
    await ext.replaceCustomResourceDefinition({ name, body: { ...crd, metadata: { ...crd.metadata, resourceVersion: existing.metadata?.resourceVersion } } });
  }
}

type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; spec?: unknown };

describe('generated CRDs on a real kube-apiserver', () => {
  const ns = useNamespace('config-model');
  const kc = kubeConfig();
  const ext = kc.makeApiClient(ApiextensionsV1Api);
  const custom = kc.makeApiClient(CustomObjectsApi);
  const crds = chartCrds();

  beforeAll(async () => {
    expect(crds).toHaveLength(28);
    for (const crd of crds) await apply(ext, crd);
    await eventually(
      'all 28 CRDs to be Established',
      async () => {
        const list = await ext.listCustomResourceDefinition();
        const established = new Set(
          list.items.filter((item) => item.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')).map((item) => item.metadata?.name),
        );
        return crds.every((crd) => established.has(crd.metadata?.name)) ? true : undefined;
      },
      60_000,
    );
  }, 120_000);

  /** Creates an object; retries (the CRD's API may lag Established) unless a rejection is expected. */
  async function create(object: Obj, namespace: string, options: { fieldValidation?: 'Strict'; expectRejection?: boolean } = {}): Promise<unknown> {
    const { fieldValidation, expectRejection = false } = options;
    const attempt = <T>(what: string, call: () => Promise<T>): Promise<T> => (expectRejection ? call() : eventually(what, call));
    const descriptor = istioSchemas.lookup(object.apiVersion, object.kind);
    if (!descriptor) throw new Error(`not an Istio kind: ${object.kind}`);
    const common = { group: descriptor.group, version: descriptor.version, plural: descriptor.plural, ...(fieldValidation ? { fieldValidation } : {}) };
    if (descriptor.scope === 'Cluster') {
      const body = { ...object, metadata: { name: uniqueName(object.metadata.name) } };
      const created = await attempt(`${object.kind} to be created`, () => custom.createClusterCustomObject({ ...common, body }));
      await custom.deleteClusterCustomObject({ ...common, name: body.metadata.name });
      return created;
    }
    const body = { ...object, metadata: { ...object.metadata, namespace } };
    return attempt(`${object.kind} ${object.metadata.name} to be created`, () => custom.createNamespacedCustomObject({ ...common, namespace, body }));
  }

  it('stores every Istio resource of the walkthrough', async () => {
    const objects = scenarioFiles()
      .filter((file) => !file.endsWith('.invalid.yaml'))
      .flatMap((file) => validateText(readScenario(file), file).objects)
      .filter((object) => object.descriptor);
    expect(objects.length).toBeGreaterThanOrEqual(14);
    const seen = new Set<string>();
    for (const object of objects) {
      const id = `${object.kind}/${object.name}`;
      if (seen.has(id)) continue; // later steps re-apply the same VirtualService
      seen.add(id);
      await create(object.raw as Obj, ns.name);
    }
  });

  it('stores a sample of every kind', async () => {
    for (const sample of sampleResources()) await create(sample as Obj, ns.name);
  });

  /** Expects the API server to reject `object`; retries while a just-replaced CRD schema is not in effect yet. */
  async function expectRejected(object: Obj, code: number, fragment: string): Promise<void> {
    const error = await eventually(`${object.kind} ${object.metadata.name} to be rejected`, async () => {
      const name = uniqueName(object.metadata.name);
      try {
        await create({ ...object, metadata: { name } }, ns.name, { expectRejection: true });
      } catch (rejection) {
        return rejection as { code?: number; body?: string };
      }
      const descriptor = istioSchemas.lookup(object.apiVersion, object.kind);
      if (descriptor) await custom.deleteNamespacedCustomObject({ group: descriptor.group, version: descriptor.version, plural: descriptor.plural, namespace: ns.name, name });
      return undefined;
    });
    expect(error).toMatchObject({ code, body: expect.stringContaining(fragment) });
  }

  it('rejects resources violating the structural schema', async () => {
    // Other suites sharing the cluster may reinstall these CRDs in another form: put ours back first.
    for (const crd of crds.filter((entry) => entry.spec.group === 'networking.istio.io')) await apply(ext, crd);
    const vs = { apiVersion: 'networking.istio.io/v1alpha3', kind: 'VirtualService', metadata: { name: 'bad-type' }, spec: { hosts: ['a'], http: 'not-a-list' } };
    await expectRejected(vs, 422, 'spec.http in body must be of type array');
    const dr = { apiVersion: 'networking.istio.io/v1alpha3', kind: 'DestinationRule', metadata: { name: 'bad-enum' }, spec: { host: 'a', trafficPolicy: { tls: { mode: 'BOGUS' } } } };
    await expectRejected(dr, 422, 'spec.trafficPolicy.tls.mode');
    const weight = { apiVersion: 'networking.istio.io/v1alpha3', kind: 'VirtualService', metadata: { name: 'bad-weight' }, spec: { hosts: ['a'], http: [{ route: [{ destination: { host: 'a' }, weight: 101 }] }] } };
    await expectRejected(weight, 422, 'should be less than or equal to 100');
  });

  it("keeps the walkthrough typo (even under strict field validation) so that Galley's webhook can deny it", async () => {
    const [object] = validateText(readScenario('52-iex-vs-as-printed.invalid.yaml'), '52').objects;
    const raw = object.raw as Obj;
    const stored = (await create({ ...raw, metadata: { name: 'typo-strict' } }, ns.name, { fieldValidation: 'Strict' })) as { spec: Record<string, unknown> };
    expect(stored.spec['https']).toEqual([{ timeout: '3s', route: [{ destination: { host: 'cloud.iexapis.com' }, weight: 100 }] }]);
    expect(stored.spec['hosts']).toEqual(['cloud.iexapis.com']);
  });
});

import { ApiextensionsV1Api, CustomObjectsApi, type V1CustomResourceDefinition } from '@kubernetes/client-node';
import { eventually, isNotFound, kubeConfig, useNamespace } from '../src';

const GROUP = 'testenv.isthmus.io';
const PLURAL = 'widgets';
const CRD_NAME = `${PLURAL}.${GROUP}`;

const crd: V1CustomResourceDefinition = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: CRD_NAME },
  spec: {
    group: GROUP,
    scope: 'Namespaced',
    names: { plural: PLURAL, singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
    versions: [
      {
        name: 'v1alpha1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                properties: { size: { type: 'integer', minimum: 1 }, color: { type: 'string' } },
                required: ['size'],
              },
            },
          },
        },
      },
    ],
  },
};

describe('CustomResourceDefinitions', () => {
  const ns = useNamespace('crd');
  const ext = kubeConfig().makeApiClient(ApiextensionsV1Api);

  beforeAll(async () => {
    try {
      await ext.createCustomResourceDefinition({ body: crd });
    } catch (err) {
      if ((err as { code?: number }).code !== 409) throw err; // left by an earlier run
    }
    await eventually('the CRD to be Established', async () => {
      const got = await ext.readCustomResourceDefinition({ name: CRD_NAME });
      return got.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True') ? true : undefined;
    });
  });

  afterAll(async () => {
    await ext.deleteCustomResourceDefinition({ name: CRD_NAME }).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
    });
  });

  it('stores, validates and lists a custom resource', async () => {
    const custom = ns.kc.makeApiClient(CustomObjectsApi);
    const body = { apiVersion: `${GROUP}/v1alpha1`, kind: 'Widget', metadata: { name: 'w1' }, spec: { size: 3, color: 'blue' } };
    // The CRD's API may take a moment to be served after Established.
    await eventually('the custom resource to be created', () =>
      custom.createNamespacedCustomObject({ group: GROUP, version: 'v1alpha1', namespace: ns.name, plural: PLURAL, body }),
    );
    const got = (await custom.getNamespacedCustomObject({
      group: GROUP,
      version: 'v1alpha1',
      namespace: ns.name,
      plural: PLURAL,
      name: 'w1',
    })) as { spec: { size: number; color: string } };
    expect(got.spec).toEqual({ size: 3, color: 'blue' });

    await expect(
      custom.createNamespacedCustomObject({
        group: GROUP,
        version: 'v1alpha1',
        namespace: ns.name,
        plural: PLURAL,
        body: { ...body, metadata: { name: 'bad' }, spec: { size: 0 } },
      }),
    ).rejects.toMatchObject({ code: 422 });
  });
});

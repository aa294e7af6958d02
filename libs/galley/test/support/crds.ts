import { ApiextensionsV1Api, CustomObjectsApi, type KubeConfig, type V1CustomResourceDefinition } from '@kubernetes/client-node';
import { buildCrds } from '@isthmus/config-model';

/**
 * TEMPORARY (NEEDS.md, [galley] CRD line): the config model's CRDs give `spec` a structural schema, so the API server
 * prunes unknown fields and type-checks before the webhook runs. Istio 1.3's CRDs had no schema (Galley validates), so
 * the spec is made free-form here, as Istio's were, until the config model emits it that way.
 */
function asIstio13(crd: V1CustomResourceDefinition): V1CustomResourceDefinition {
  const versions = (crd.spec.versions ?? []).map((version) => ({
    ...version,
    schema: {
      openAPIV3Schema: {
        type: 'object',
        properties: {
          spec: { type: 'object', x_kubernetes_preserve_unknown_fields: true },
          status: { type: 'object', x_kubernetes_preserve_unknown_fields: true },
        },
      },
    },
  }));
  return { ...crd, spec: { ...crd.spec, versions } };
}

/** Installs Istio's 23 CRDs (from the config model), or updates them, and waits until each is Established. */
export async function installIstioCrds(kc: KubeConfig): Promise<void> {
  const api = kc.makeApiClient(ApiextensionsV1Api);
  const crds = (buildCrds()
    .filter((file) => !file.name.includes('certmanager'))
    .flatMap((file) => file.crds) as unknown as V1CustomResourceDefinition[]).map(asIstio13);
  await Promise.all(
    crds.map(async (crd) => {
      const name = crd.metadata?.name ?? '';
      try {
        await api.createCustomResourceDefinition({ body: crd });
      } catch (error: unknown) {
        if ((error as { code?: number }).code !== 409) throw error;
        const existing = await api.readCustomResourceDefinition({ name });
        await api.replaceCustomResourceDefinition({ name, body: { ...crd, metadata: { ...crd.metadata, resourceVersion: existing.metadata?.resourceVersion } } });
      }
    }),
  );
  const deadline = Date.now() + 30_000;
  for (const crd of crds) {
    for (;;) {
      const got = await api.readCustomResourceDefinition({ name: crd.metadata?.name ?? '' });
      if (got.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')) break;
      if (Date.now() > deadline) throw new Error(`CRD ${crd.metadata?.name} not Established`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  // A replaced schema takes a moment to be served: wait until an unknown spec field survives a dry-run create.
  const custom = kc.makeApiClient(CustomObjectsApi);
  const probe = { apiVersion: 'networking.istio.io/v1alpha3', kind: 'VirtualService', metadata: { name: 'schema-probe' }, spec: { hosts: ['x'], probeField: 1 } };
  for (;;) {
    const created = (await custom
      .createNamespacedCustomObject({ group: 'networking.istio.io', version: 'v1alpha3', namespace: 'default', plural: 'virtualservices', body: probe, dryRun: 'All' })
      .catch(() => undefined)) as { spec?: { probeField?: number } } | undefined;
    if (created?.spec?.probeField === 1) return;
    if (Date.now() > deadline) throw new Error('the free-form VirtualService schema is not served');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

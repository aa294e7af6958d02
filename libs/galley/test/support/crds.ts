import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiextensionsV1Api, CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node';
import { buildCrds, renderCrdFiles } from '@isthmus/config-model';

/**
 * Installs Istio's 23 CRDs exactly as the config model generates them (charts/istio-init/files), with kubectl: the
 * typed client would drop the schemas' `x-kubernetes-*` and `enum` keys from plain objects. Waits until each is
 * Established and unknown spec fields survive (what Galley's webhook needs to see `spec.https`).
 */
export async function installIstioCrds(kc: KubeConfig): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'istio-crds-'));
  try {
    for (const [name, text] of renderCrdFiles()) if (!name.includes('certmanager')) writeFileSync(join(dir, name), text);
    execFileSync('kubectl', ['apply', '--server-side', '--force-conflicts', '-f', dir], { env: process.env, stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const api = kc.makeApiClient(ApiextensionsV1Api);
  const deadline = Date.now() + 30_000;
  for (const crd of buildCrds().filter((file) => !file.name.includes('certmanager')).flatMap((file) => file.crds)) {
    const name = (crd['metadata'] as { name: string }).name;
    for (;;) {
      const got = await api.readCustomResourceDefinition({ name });
      if (got.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')) break;
      if (Date.now() > deadline) throw new Error(`CRD ${name} not Established`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const custom = kc.makeApiClient(CustomObjectsApi);
  const probe = { apiVersion: 'networking.istio.io/v1alpha3', kind: 'VirtualService', metadata: { name: 'schema-probe' }, spec: { hosts: ['x'], probeField: 1 } };
  for (;;) {
    const created = (await custom
      .createNamespacedCustomObject({ group: 'networking.istio.io', version: 'v1alpha3', namespace: 'default', plural: 'virtualservices', body: probe, dryRun: 'All' })
      .catch(() => undefined)) as { spec?: { probeField?: number } } | undefined;
    if (created?.spec?.probeField === 1) return;
    if (Date.now() > deadline) throw new Error('the VirtualService CRD prunes unknown spec fields: Galley’s webhook could not see them');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubernetesObjectApi } from '@kubernetes/client-node';
import { LogScopes } from '@isthmus/runtime';
import { createServingCert, kubeConfig, uniqueName, useNamespace, usingLocalKube } from '@isthmus/testenv';
import { WebhookServer } from '../src';
import { applyWebhookConfiguration, buildWebhookConfiguration, deleteWebhookConfiguration } from '../src/kubernetes';
import { installIstioCrds } from './support/crds';
import { isIstio, scenarioObjects } from './support/scenarios';
import { usePrivateTestenv } from './support/private-env';

usePrivateTestenv();

const logger = new LogScopes('galley-test', new Map([['default', 'warn']])).root;
const describeLocal = usingLocalKube() ? describe : describe.skip;

describeLocal('validating webhook through the real API server', () => {
  const selectorValue = uniqueName('wh');
  const ns = useNamespace('galley-webhook', { 'isthmus.io/galley-webhook-test': selectorValue });
  const configName = `istio-galley-${selectorValue}`;
  const dir = mkdtempSync(join(tmpdir(), 'galley-webhook-'));
  let server: WebhookServer;

  beforeAll(async () => {
    const kc = kubeConfig();
    await installIstioCrds(kc);
    const cert = createServingCert(['127.0.0.1']);
    writeFileSync(join(dir, 'cert.pem'), cert.certPem);
    writeFileSync(join(dir, 'key.pem'), cert.keyPem);
    server = new WebhookServer({ host: '127.0.0.1', port: 0, certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem'), logger });
    const port = await server.start();
    const configuration = buildWebhookConfiguration({
      caBundlePem: cert.caPem,
      url: `https://127.0.0.1:${port}`,
      name: configName,
      namespaceSelector: { 'isthmus.io/galley-webhook-test': selectorValue },
    });
    await applyWebhookConfiguration(kc, configuration, logger);
  });

  afterAll(async () => {
    await deleteWebhookConfiguration(kubeConfig(), configName);
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function create(object: Record<string, unknown> & { metadata: Record<string, unknown> }): Promise<void> {
    const client = KubernetesObjectApi.makeApiClient(ns.kc);
    await client.create({ ...object, metadata: { ...object.metadata, namespace: ns.name } } as never);
  }

  it('denies 52-iex-vs-as-printed.invalid.yaml naming the resource, spec.https and the problem', async () => {
    const [{ object }] = scenarioObjects((file) => file.startsWith('52-'));
    const failure = await create(object).then(
      () => undefined,
      (error: unknown) => error as { code?: number; body?: unknown },
    );
    expect(failure).toBeDefined();
    const message = JSON.stringify(failure?.body);
    expect(message).toContain('pilot.validation.istio.io');
    expect(message).toContain('spec.https');
    expect(message).toContain('iex-virtual-service');
    expect(failure?.code).toBe(400);
  });

  it('admits every valid Istio object of the scenarios', async () => {
    const valid = scenarioObjects((file) => !file.includes('.invalid.')).filter(({ object }) => isIstio(object));
    expect(valid.length).toBeGreaterThanOrEqual(15);
    const client = KubernetesObjectApi.makeApiClient(ns.kc);
    for (const { file, object } of valid) {
      // Like `kubectl apply`: later steps replace earlier ones (UPDATE is admitted by the webhook too). MeshPolicy is
      // cluster-scoped and must be named `default`; it is removed again at the end.
      const clusterScoped = object.kind === 'MeshPolicy';
      const placed = clusterScoped ? object : { ...object, metadata: { ...object.metadata, namespace: ns.name } };
      try {
        await client.create(placed as never).catch(async (error: unknown) => {
          if ((error as { code?: number }).code !== 409) throw error;
          const existing = await client.read(placed as never);
          await client.replace({ ...placed, metadata: { ...placed.metadata, resourceVersion: existing.metadata?.resourceVersion } } as never);
        });
      } catch (error: unknown) {
        throw new Error(`${file} ${object.kind}/${object.metadata.name} was refused: ${JSON.stringify((error as { body?: unknown }).body)}`);
      }
      if (clusterScoped) await client.delete(placed as never);
    }
  });

  it('denies an invalid update of an existing resource', async () => {
    const [{ object }] = scenarioObjects((file) => file.startsWith('53-'));
    await create(object);
    const client = KubernetesObjectApi.makeApiClient(ns.kc);
    const existing = await client.read({ apiVersion: object.apiVersion, kind: object.kind, metadata: { name: object.metadata.name, namespace: ns.name } });
    // Weights summing to 90: well-typed, so only Galley's semantic validation can refuse it.
    const split = [{ destination: { host: 'x', subset: 'v1' }, weight: 50 }, { destination: { host: 'x', subset: 'v2' }, weight: 40 }];
    const broken = { ...existing, spec: { ...(existing as { spec: object }).spec, http: [{ route: split }] } };
    const failure = await client.replace(broken as never).then(
      () => undefined,
      (error: unknown) => error as { code?: number; body?: unknown },
    );
    expect(failure?.code).toBe(400);
    expect(JSON.stringify(failure?.body)).toContain('spec.http[0].route');
    expect(JSON.stringify(failure?.body)).toContain('sum to 90, must be 100');
  });
});

import { AdmissionregistrationV1Api, CoreV1Api } from '@kubernetes/client-node';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { createServingCert, isNotFound, uniqueName, useNamespace, usingLocalKube } from '../src';

interface AdmissionReview {
  apiVersion: string;
  kind: string;
  request: { uid: string; kind: { kind: string }; namespace?: string; object: { metadata?: { labels?: Record<string, string> } } };
}

/**
 * The real kube-apiserver calls a webhook served by this test process, so it runs only against the local
 * environment (an external cluster such as kind cannot reach 127.0.0.1 of this machine).
 */
(usingLocalKube() ? describe : describe.skip)('admission webhooks', () => {
  const marker = uniqueName('webhook');
  const ns = useNamespace('webhook', { [marker]: 'true' });
  const cert = createServingCert(['127.0.0.1']);
  const calls: AdmissionReview[] = [];
  let server: FastifyInstance;
  const configName = marker;

  beforeAll(async () => {
    server = Fastify({ https: { key: cert.keyPem, cert: cert.certPem } });
    server.post('/mutate', async (req) => {
      const review = req.body as AdmissionReview;
      calls.push(review);
      const patch = [
        ...(review.request.object.metadata?.labels ? [] : [{ op: 'add', path: '/metadata/labels', value: {} }]),
        { op: 'add', path: '/metadata/labels/isthmus.io~1mutated', value: 'true' },
      ];
      return {
        apiVersion: 'admission.k8s.io/v1',
        kind: 'AdmissionReview',
        response: {
          uid: review.request.uid,
          allowed: true,
          patchType: 'JSONPatch',
          patch: Buffer.from(JSON.stringify(patch)).toString('base64'),
        },
      };
    });
    await server.listen({ host: '127.0.0.1', port: 0 });
    const { port } = server.server.address() as AddressInfo;

    const admission = ns.kc.makeApiClient(AdmissionregistrationV1Api);
    await admission.createMutatingWebhookConfiguration({
      body: {
        metadata: { name: configName },
        webhooks: [
          {
            name: 'mutate.testenv.isthmus.io',
            admissionReviewVersions: ['v1'],
            sideEffects: 'None',
            failurePolicy: 'Fail',
            timeoutSeconds: 10,
            clientConfig: { url: `https://127.0.0.1:${port}/mutate`, caBundle: Buffer.from(cert.caPem).toString('base64') },
            // Only namespaces of this test: other suites running at the same time are not affected.
            namespaceSelector: { matchLabels: { [marker]: 'true' } },
            rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }],
          },
        ],
      },
    });
  });

  afterAll(async () => {
    await ns.kc
      .makeApiClient(AdmissionregistrationV1Api)
      .deleteMutatingWebhookConfiguration({ name: configName })
      .catch((err: unknown) => {
        if (!isNotFound(err)) throw err;
      });
    await server.close();
  });

  it('is called by the API server on Pod create and its JSON patch is applied', async () => {
    const core = ns.kc.makeApiClient(CoreV1Api);
    const pod = await core.createNamespacedPod({
      namespace: ns.name,
      body: { metadata: { name: 'trader' }, spec: { containers: [{ name: 'trader', image: 'isthmus/trader:test' }] } },
    });
    expect(pod.metadata?.labels?.['isthmus.io/mutated']).toBe('true');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.request.kind.kind).toBe('Pod');
    expect(calls[0]?.request.namespace).toBe(ns.name);

    const stored = await core.readNamespacedPod({ name: 'trader', namespace: ns.name });
    expect(stored.metadata?.labels?.['isthmus.io/mutated']).toBe('true');
  });
});

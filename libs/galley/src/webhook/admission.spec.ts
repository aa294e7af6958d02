import { admit, parseReview, reviewResponse } from './admission';
import { buildWebhookConfiguration } from './config';

const vs = (spec: Record<string, unknown>) => ({
  apiVersion: 'networking.istio.io/v1alpha3',
  kind: 'VirtualService',
  metadata: { name: 'iex' },
  spec,
});

describe('admit', () => {
  it('denies naming the resource, the field path and the problem', () => {
    const verdict = admit(
      { uid: '1', operation: 'CREATE', namespace: 'trading', object: vs({ hosts: ['x'], https: [{ route: [] }] }) },
      'pilot',
    );
    expect(verdict.allowed).toBe(false);
    if (verdict.allowed) return;
    expect(verdict.message).toContain('VirtualService/trading/iex');
    expect(verdict.message).toContain('spec.https');
  });

  it('allows a valid object, and any DELETE', () => {
    expect(
      admit(
        {
          uid: '1',
          operation: 'CREATE',
          object: vs({ hosts: ['x'], http: [{ route: [{ destination: { host: 'x' } }] }] }),
        },
        'pilot',
      ),
    ).toEqual({ allowed: true, warnings: [] });
    expect(admit({ uid: '1', operation: 'DELETE' }, 'pilot').allowed).toBe(true);
  });

  it('denies a kind the endpoint does not own', () => {
    const rule = { apiVersion: 'config.istio.io/v1alpha2', kind: 'rule', metadata: { name: 'r' }, spec: {} };
    expect(admit({ uid: '1', operation: 'CREATE', object: rule }, 'mixer').allowed).toBe(true);
    const verdict = admit({ uid: '1', operation: 'CREATE', object: rule }, 'pilot');
    expect(verdict).toMatchObject({ allowed: false, message: expect.stringContaining('unrecognized type rule') });
  });
});

describe('AdmissionReview envelope', () => {
  it('answers in the API version it was asked in (v1 and v1beta1)', () => {
    for (const apiVersion of ['admission.k8s.io/v1', 'admission.k8s.io/v1beta1']) {
      const parsed = parseReview({
        apiVersion,
        kind: 'AdmissionReview',
        request: { uid: 'u1', operation: 'CREATE', object: vs({}) },
      });
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const response = reviewResponse(parsed.apiVersion, parsed.request.uid, admit(parsed.request, 'pilot'));
      expect(response).toMatchObject({
        apiVersion,
        kind: 'AdmissionReview',
        response: { uid: 'u1', allowed: false, status: { code: 400 } },
      });
    }
  });

  it('rejects what is not an AdmissionReview', () => {
    expect(parseReview({ kind: 'Pod' })).toEqual({ ok: false, error: 'kind is "Pod", expected "AdmissionReview"' });
    expect(parseReview({ apiVersion: 'admission.k8s.io/v2', kind: 'AdmissionReview', request: { uid: 'x' } }).ok).toBe(
      false,
    );
  });
});

describe('buildWebhookConfiguration', () => {
  it('builds istio-galley with caBundle, failurePolicy Fail and both endpoints', () => {
    const configuration = buildWebhookConfiguration({ caBundlePem: 'PEM' });
    expect(configuration.metadata?.name).toBe('istio-galley');
    const [pilot, mixer] = configuration.webhooks ?? [];
    expect(pilot).toMatchObject({
      name: 'pilot.validation.istio.io',
      failurePolicy: 'Fail',
      admissionReviewVersions: ['v1', 'v1beta1'],
    });
    expect(pilot.clientConfig.caBundle).toBe(Buffer.from('PEM').toString('base64'));
    expect(pilot.clientConfig.service).toEqual({
      namespace: 'istio-system',
      name: 'istio-galley',
      port: 443,
      path: '/admitpilot',
    });
    expect(mixer.clientConfig.service?.path).toBe('/admitmixer');
    const groups = (pilot.rules ?? []).flatMap((rule) => rule.apiGroups);
    expect(groups).toEqual(expect.arrayContaining(['networking.istio.io', 'authentication.istio.io', 'rbac.istio.io']));
    expect((pilot.rules ?? []).find((rule) => rule.apiGroups?.includes('networking.istio.io'))?.resources).toContain(
      'virtualservices',
    );
    expect((mixer.rules ?? []).flatMap((rule) => rule.resources)).toEqual(
      expect.arrayContaining(['rules', 'handlers', 'instances']),
    );
  });

  it('points at a URL in local mode', () => {
    const [pilot] = buildWebhookConfiguration({ caBundlePem: 'PEM', url: 'https://127.0.0.1:9443/' }).webhooks ?? [];
    expect(pilot.clientConfig).toMatchObject({ url: 'https://127.0.0.1:9443/admitpilot' });
  });
});

import { formatProblem } from './format';
import { validateObject, validateText } from './validate';

const vs = { apiVersion: 'networking.istio.io/v1alpha3', kind: 'VirtualService', metadata: { name: 'a' }, spec: { hosts: ['a'], http: [{ route: [{ destination: { host: 'a' } }] }] } };

describe('envelope and documents', () => {
  it('gives namespaced objects the default namespace and keeps cluster-scoped ones bare', () => {
    expect(validateObject(vs).object?.namespace).toBe('default');
    expect(validateObject(vs, { defaultNamespace: 'prod' }).object?.resource?.metadata.namespace).toBe('prod');
    const mesh = validateObject({ apiVersion: 'authentication.istio.io/v1alpha1', kind: 'MeshPolicy', metadata: { name: 'default' }, spec: {} });
    expect(mesh.object?.namespace).toBe('');
  });

  it.each([
    ['a missing name', { ...vs, metadata: {} }, 'metadata.name', 'name is required'],
    ['an invalid name', { ...vs, metadata: { name: 'Bad_Name' } }, 'metadata.name', 'invalid name'],
    ['an invalid namespace', { ...vs, metadata: { name: 'a', namespace: 'Bad NS' } }, 'metadata.namespace', 'invalid namespace'],
    ['an unknown metadata field', { ...vs, metadata: { name: 'a', label: {} } }, 'metadata.label', 'did you mean "labels"?'],
    ['a bad label', { ...vs, metadata: { name: 'a', labels: { 'a b': 'c' } } }, 'metadata.labels["a b"]', 'invalid label key'],
    ['an unknown top-level field', { ...vs, specs: {} }, 'specs', 'did you mean "spec"?'],
    ['a wrong version', { ...vs, apiVersion: 'networking.istio.io/v1beta1' }, 'apiVersion', 'served as networking.istio.io/v1alpha3'],
    ['an unknown kind', { ...vs, kind: 'VirtualServce' }, 'kind', 'did you mean "VirtualService"?'],
    ['an unknown group', { ...vs, apiVersion: 'networking.isito.io/v1alpha3' }, 'apiVersion', 'did you mean "networking.istio.io"?'],
    ['a missing apiVersion', { kind: 'X', metadata: { name: 'a' } }, 'apiVersion', 'apiVersion is required'],
    ['a missing kind', { apiVersion: 'v1', metadata: { name: 'a' } }, 'kind', 'kind is required'],
    ['a bad mesh config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'istio' }, data: { mesh: 'outboundTrafficPolicy:\n  mode: BLOCK' } }, 'data.mesh.outboundTrafficPolicy.mode', 'REGISTRY_ONLY, ALLOW_ANY'],
    ['an unknown mesh field', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'istio' }, data: { mesh: 'enableTraceing: true' } }, 'data.mesh.enableTraceing', 'did you mean "enableTracing"?'],
    ['a bad proxy config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'istio' }, data: { mesh: 'defaultConfig:\n  drainDuration: 2m\n  parentShutdownDuration: 1m' } }, 'data.mesh.defaultConfig.parentShutdownDuration', 'must be longer than drainDuration'],
    ['a bad injector policy', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'istio-sidecar-injector' }, data: { config: 'policy: on' } }, 'data.config.policy', 'enabled, disabled'],
  ])('rejects %s', (_title, document, path, message) => {
    const errors = validateObject(document).problems.filter((problem) => problem.severity === 'error');
    expect(errors).toContainEqual(expect.objectContaining({ path, message: expect.stringContaining(message) }));
  });

  it('passes non-Istio objects through', () => {
    const result = validateObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { anything: true } });
    expect(result.problems).toEqual([]);
    expect(result.object?.descriptor).toBeUndefined();
  });

  it('reports YAML syntax errors with file and document index', () => {
    const result = validateText('kind: A\n---\nfoo: [unclosed\n', 'bad.yaml');
    const syntax = result.problems.filter((problem) => problem.message.startsWith('invalid YAML'));
    expect(syntax).toEqual([expect.objectContaining({ file: 'bad.yaml', document: 1 })]);
    expect(formatProblem(syntax[0])).toMatch(/^bad\.yaml\[1\]: <unknown kind>\/-\/<unnamed>: invalid YAML/);
  });

  it('reports duplicate keys', () => {
    const result = validateText('apiVersion: v1\nkind: A\nkind: B\n', 'dup.yaml');
    expect(result.problems[0].message).toContain('invalid YAML');
  });

  it('reads JSON, JSON arrays and List objects', () => {
    expect(validateText(JSON.stringify(vs), 'vs.json').objects).toHaveLength(1);
    expect(validateText(JSON.stringify([vs, vs]), 'two.json').objects).toHaveLength(2);
    expect(validateText(JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [vs, vs, vs] }), 'list.json').objects).toHaveLength(3);
    expect(validateText('{ not json', 'bad.json').problems[0].message).toContain('invalid JSON');
  });

  it('skips empty documents and attaches document indexes', () => {
    const text = `---\n# comment only\n---\n${JSON.stringify(vs)}\n---\n`;
    const result = validateText(text, 'f.yaml');
    expect(result.objects).toHaveLength(1);
    expect(result.objects[0].document).toBe(1);
  });

  it('formats warnings and problems without a file', () => {
    expect(formatProblem({ kind: 'VirtualService', namespace: 'ns', name: 'a', path: 'spec.x', message: 'm', severity: 'warning' })).toBe(
      'VirtualService/ns/a: spec.x: warning: m',
    );
  });
});

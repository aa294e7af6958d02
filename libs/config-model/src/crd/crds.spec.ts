import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { generateCrds } from '../../scripts/generate-crds';
import { buildCrds } from './crds';

const CHART_FILES = join(__dirname, '..', '..', '..', '..', 'charts', 'istio-init', 'files');

type Node = Record<string, unknown>;

/** Structural-schema rule: every node has a type, unless int-or-string or preserve-unknown-fields. */
function untypedNodes(node: Node, path: string, out: string[]): string[] {
  if (node['type'] === undefined && node['x-kubernetes-int-or-string'] !== true && node['x-kubernetes-preserve-unknown-fields'] !== true) out.push(path);
  const properties = (node['properties'] ?? {}) as Record<string, Node>;
  for (const [name, child] of Object.entries(properties)) untypedNodes(child, `${path}.${name}`, out);
  if (node['items']) untypedNodes(node['items'] as Node, `${path}[]`, out);
  if (typeof node['additionalProperties'] === 'object') untypedNodes(node['additionalProperties'] as Node, `${path}{}`, out);
  return out;
}

describe('generated CRDs', () => {
  const files = buildCrds();
  const all = files.flatMap((file) => file.crds) as Node[];
  const spec = (crd: Node) => crd['spec'] as Node;
  const byName = new Map(all.map((crd) => [(crd['metadata'] as Node)['name'] as string, crd]));

  it('are 28: 21 + 1 + 1 Istio and 5 cert-manager', () => {
    expect(files.map((file) => [file.name, file.crds.length])).toEqual([
      ['crd-10.yaml', 21],
      ['crd-11.yaml', 1],
      ['crd-12.yaml', 1],
      ['crd-certmanager-10.yaml', 3],
      ['crd-certmanager-11.yaml', 2],
    ]);
  });

  it('match Istio 1.3 names, scopes, short names and categories', () => {
    const vs = spec(byName.get('virtualservices.networking.istio.io') as Node);
    expect(vs['names']).toEqual({ kind: 'VirtualService', listKind: 'VirtualServiceList', plural: 'virtualservices', singular: 'virtualservice', shortNames: ['vs'], categories: ['istio-io', 'networking-istio-io'] });
    expect(spec(byName.get('meshpolicies.authentication.istio.io') as Node)['scope']).toBe('Cluster');
    expect(spec(byName.get('clusterrbacconfigs.rbac.istio.io') as Node)['scope']).toBe('Cluster');
    expect((spec(byName.get('rules.config.istio.io') as Node)['names'] as Node)['kind']).toBe('rule');
    expect(byName.has('certificates.certmanager.k8s.io')).toBe(true);
    expect(spec(byName.get('clusterissuers.certmanager.k8s.io') as Node)['scope']).toBe('Cluster');
    for (const crd of all) expect(crd['apiVersion']).toBe('apiextensions.k8s.io/v1');
  });

  it('have structural schemas (every node typed) with free-form only where intended', () => {
    for (const crd of all) {
      const version = (spec(crd)['versions'] as Node[])[0];
      const schema = (version['schema'] as Node)['openAPIV3Schema'] as Node;
      expect(untypedNodes(schema, (crd['metadata'] as Node)['name'] as string, [])).toEqual([]);
    }
    const ef = JSON.stringify(byName.get('envoyfilters.networking.istio.io'));
    expect(ef).toContain('x-kubernetes-preserve-unknown-fields');
    // Declared objects keep unknown fields so that typos reach Galley's webhook (see schema/openapi.ts).
    const vsSpec = (((spec(byName.get('virtualservices.networking.istio.io') as Node)['versions'] as Node[])[0]['schema'] as Node)['openAPIV3Schema'] as Node)['properties'] as Record<string, Node>;
    expect(vsSpec['spec']['x-kubernetes-preserve-unknown-fields']).toBe(true);
    expect(((vsSpec['spec']['properties'] as Record<string, Node>)['http']['items'] as Node)['x-kubernetes-preserve-unknown-fields']).toBe(true);
    expect(((vsSpec['spec']['properties'] as Record<string, Node>)['hosts']['items'] as Node)['type']).toBe('string');
  });

  it('are fresh: regenerating gives the committed files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crds-'));
    try {
      generateCrds(dir);
      const names = readdirSync(dir).sort();
      expect(names).toEqual(readdirSync(CHART_FILES).filter((name) => name.startsWith('crd-')).sort());
      for (const name of names) {
        expect({ name, text: readFileSync(join(CHART_FILES, name), 'utf8') }).toEqual({ name, text: readFileSync(join(dir, name), 'utf8') });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('parse back as YAML', () => {
    const text = readFileSync(join(CHART_FILES, 'crd-10.yaml'), 'utf8');
    const documents = parseAllDocuments(text);
    expect(Array.isArray(documents) ? documents.length : 0).toBe(21);
  });
});

import { istioSchemas } from './registry';
import { crdName } from './descriptor';
import { parseMeshConfig } from '../parse/mesh';
import { DEFAULT_MESH_CONFIG, withMeshDefaults } from '../types/mesh';

describe('schema registry', () => {
  it('has the 23 Istio 1.3 kinds: 21 in crd-10, Sidecar in crd-11, AuthorizationPolicy in crd-12', () => {
    expect(istioSchemas.kinds).toHaveLength(23);
    expect(istioSchemas.kinds.filter((kind) => kind.crdFile === 'crd-10.yaml')).toHaveLength(21);
    expect(istioSchemas.kinds.filter((kind) => kind.crdFile === 'crd-11.yaml').map((kind) => kind.kind)).toEqual(['Sidecar']);
    expect(istioSchemas.kinds.filter((kind) => kind.crdFile === 'crd-12.yaml').map((kind) => kind.kind)).toEqual(['AuthorizationPolicy']);
    expect(new Set(istioSchemas.kinds.map(crdName)).size).toBe(23);
  });

  it('looks kinds up every way', () => {
    expect(istioSchemas.lookup('networking.istio.io/v1alpha3', 'VirtualService')?.plural).toBe('virtualservices');
    expect(istioSchemas.byName('vs')?.kind).toBe('VirtualService');
    expect(istioSchemas.byName('destinationrule')?.kind).toBe('DestinationRule');
    expect(istioSchemas.byKind('rule')?.collection).toBe('istio/policy/v1beta1/rules');
    expect(istioSchemas.byMcpCollection('istio/mixer/v1/config/client/quotaspecs')?.kind).toBe('QuotaSpec');
    expect(istioSchemas.byKind('MeshPolicy')?.scope).toBe('Cluster');
    expect(istioSchemas.byKind('ClusterRbacConfig')?.scope).toBe('Cluster');
    expect(istioSchemas.forWebhook('mixer').map((kind) => kind.kind).sort()).toEqual(['adapter', 'attributemanifest', 'handler', 'instance', 'rule', 'template']);
    expect(istioSchemas.groups().sort()).toEqual(['authentication.istio.io', 'config.istio.io', 'networking.istio.io', 'rbac.istio.io']);
  });

  it('uses the Istio categories', () => {
    expect(istioSchemas.byKind('VirtualService')?.categories).toEqual(['istio-io', 'networking-istio-io']);
    expect(istioSchemas.byKind('HTTPAPISpec')?.categories).toEqual(['istio-io', 'apim-istio-io']);
    expect(istioSchemas.byKind('handler')?.categories).toEqual(['istio-io', 'policy-istio-io']);
  });
});

describe('mesh config defaults', () => {
  it('defaults outboundTrafficPolicy to ALLOW_ANY and fills ProxyConfig', () => {
    const mesh = withMeshDefaults();
    expect(mesh.outboundTrafficPolicy.mode).toBe('ALLOW_ANY');
    expect(mesh.defaultConfig.drainDuration).toBe('45s');
    expect(mesh.defaultConfig.parentShutdownDuration).toBe('1m0s');
    expect(mesh.defaultConfig.proxyAdminPort).toBe(15000);
    expect(mesh.trustDomain).toBe('cluster.local');
    expect(DEFAULT_MESH_CONFIG.reportBatchMaxEntries).toBe(100);
  });

  it('merges a user mesh over the defaults', () => {
    const { mesh, problems } = parseMeshConfig('outboundTrafficPolicy:\n  mode: REGISTRY_ONLY\ndefaultConfig:\n  concurrency: 4\n');
    expect(problems).toEqual([]);
    expect(mesh.outboundTrafficPolicy.mode).toBe('REGISTRY_ONLY');
    expect(mesh.defaultConfig.concurrency).toBe(4);
    expect(mesh.defaultConfig.drainDuration).toBe('45s');
  });

  it('reports bad mesh fields and keeps defaults for them', () => {
    const { mesh, problems } = parseMeshConfig('connectTimeout: fast\nenableTracing: false\n');
    expect(problems).toEqual([expect.objectContaining({ path: 'connectTimeout', message: expect.stringContaining('invalid duration') })]);
    expect(mesh.connectTimeout).toBe('10s');
    expect(mesh.enableTracing).toBe(false);
    expect(parseMeshConfig(undefined).mesh.rootNamespace).toBe('istio-system');
    expect(parseMeshConfig(': : bad').problems[0].message).toContain('invalid YAML');
  });
});

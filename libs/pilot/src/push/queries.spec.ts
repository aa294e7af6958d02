import { withMeshDefaults } from '@isthmus/config-model';
import type { IstioResource } from '@isthmus/config-model';
import { parseProxy } from '../model/proxy';
import type { Service } from '../model/service';
import { buildPushContext } from './push-context';
import { destinationRuleFor, exportedTo, mtlsModeFor, servicesFor, sidecarFor, virtualServiceForHost, virtualServicesFor } from './queries';

const service = (hostname: string, namespace: string, exportTo: string[] = []): Service => ({
  hostname, namespace, name: hostname.split('.')[0], address: '0.0.0.0', ports: [{ name: 'http', port: 80, protocol: 'HTTP' }], resolution: 'ClientSideLB', meshExternal: false, exportTo, serviceAccounts: [], source: 'memory',
});
const resource = (kind: string, namespace: string, name: string, spec: object): IstioResource => ({ apiVersion: 'networking.istio.io/v1alpha3', kind, metadata: { name, namespace }, spec });
const proxy = (namespace: string, labels: Record<string, string> = {}) => {
  const parsed = parseProxy({ id: `sidecar~10.0.0.9~p.${namespace}~${namespace}.svc.cluster.local`, metadata: { LABELS: labels } });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.proxy;
};

describe('push context queries', () => {
  const services = [service('a.ns1.svc.cluster.local', 'ns1'), service('b.ns2.svc.cluster.local', 'ns2', ['.']), service('c.ns3.svc.cluster.local', 'ns3')];
  const resources = [
    resource('DestinationRule', 'ns2', 'wide', { host: '*.svc.cluster.local' }),
    resource('DestinationRule', 'ns1', 'own', { host: 'a' }),
    resource('DestinationRule', 'istio-system', 'root', { host: '*.local' }),
    resource('VirtualService', 'ns1', 'wild', { hosts: ['*.ns1.svc.cluster.local'], http: [] }),
    resource('VirtualService', 'ns1', 'exact', { hosts: ['a'], http: [] }),
    resource('VirtualService', 'ns1', 'private', { hosts: ['c.ns3.svc.cluster.local'], exportTo: ['.'], gateways: ['gw'], http: [] }),
    resource('Sidecar', 'ns3', 'default', { egress: [{ hosts: ['./*'] }] }),
    resource('Policy', 'ns1', 'default', { peers: [{ mtls: {} }] }),
    resource('MeshPolicy', '', 'default', { peers: [{ mtls: { mode: 'PERMISSIVE' } }] }),
  ];
  const push = buildPushContext({ mesh: withMeshDefaults(), services, endpoints: () => [], resources });

  it('honours exportTo and Sidecar egress hosts', () => {
    expect(exportedTo(['.'], 'a', 'b')).toBe(false);
    expect(servicesFor(push, proxy('ns1')).map((s) => s.hostname)).toEqual(['a.ns1.svc.cluster.local', 'c.ns3.svc.cluster.local']);
    expect(servicesFor(push, proxy('ns2')).map((s) => s.hostname)).toHaveLength(3);
    expect(sidecarFor(push, proxy('ns3'))?.name).toBe('default');
    expect(servicesFor(push, proxy('ns3')).map((s) => s.hostname)).toEqual(['c.ns3.svc.cluster.local']);
  });

  it('picks DestinationRules by namespace tier, then specificity', () => {
    expect(destinationRuleFor(push, 'ns1', services[0])?.name).toBe('own');
    expect(destinationRuleFor(push, 'ns2', services[0])?.name).toBe('wide');
    expect(destinationRuleFor(push, 'ns3', services[2])?.name).toBe('root');
  });

  it('prefers an exact VirtualService host over a wildcard and binds gateways by namespace/name', () => {
    const mesh = virtualServicesFor(push, 'ns1', 'mesh');
    expect(virtualServiceForHost(mesh, 'a.ns1.svc.cluster.local')?.name).toBe('exact');
    expect(virtualServicesFor(push, 'ns1', 'ns1/gw').map((vs) => vs.name)).toEqual(['private']);
    expect(virtualServicesFor(push, 'ns2', 'ns1/gw')).toEqual([]);
  });

  it('resolves peer authentication: namespace policy, else MeshPolicy', () => {
    expect(mtlsModeFor(push, services[0], 80)).toEqual({ mode: 'STRICT', policy: 'ns1/default' });
    expect(mtlsModeFor(push, services[1], 80)).toEqual({ mode: 'PERMISSIVE', policy: 'default/' });
  });
});

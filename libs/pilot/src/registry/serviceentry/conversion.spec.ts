import type { IstioResource, ServiceEntry } from '@isthmus/config-model';
import { convertServiceEntry } from './conversion';

function entry(spec: ServiceEntry): IstioResource<ServiceEntry> {
  return { apiVersion: 'networking.istio.io/v1alpha3', kind: 'ServiceEntry', metadata: { name: 'se', namespace: 'ns' }, spec };
}

describe('convertServiceEntry', () => {
  it('maps resolution, location and endpoint ports/labels', () => {
    const converted = convertServiceEntry(
      entry({
        hosts: ['db.internal'],
        addresses: ['10.9.0.1'],
        location: 'MESH_INTERNAL',
        resolution: 'STATIC',
        ports: [{ number: 5432, name: 'tcp-db', protocol: 'TCP' }],
        endpoints: [{ address: '10.0.0.5', ports: { 'tcp-db': 6543 }, labels: { version: 'v1' }, locality: 'eu/west-1a' }],
      }),
    );
    expect(converted.services[0]).toMatchObject({ hostname: 'db.internal', address: '10.9.0.1', resolution: 'ClientSideLB', meshExternal: false, ports: [{ port: 5432, protocol: 'TCP' }] });
    expect(converted.endpoints).toEqual([{ hostname: 'db.internal', servicePort: 5432, address: '10.0.0.5', port: 6543, labels: { version: 'v1' }, locality: 'eu/west-1a' }]);
  });

  it('gives a DNS entry without endpoints its own host as endpoint, and NONE none', () => {
    const dns = convertServiceEntry(entry({ hosts: ['cloud.iexapis.com'], ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }], resolution: 'DNS' }));
    expect(dns.services[0]).toMatchObject({ resolution: 'DNSLB', meshExternal: true, address: '0.0.0.0', ports: [{ protocol: 'HTTPS' }] });
    expect(dns.endpoints).toEqual([{ hostname: 'cloud.iexapis.com', servicePort: 443, address: 'cloud.iexapis.com', port: 443, labels: {} }]);
    const none = convertServiceEntry(entry({ hosts: ['*.example.com'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }], resolution: 'NONE' }));
    expect(none.services[0].resolution).toBe('Passthrough');
    expect(none.endpoints).toEqual([]);
  });
});

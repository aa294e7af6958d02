import { X509Certificate } from 'node:crypto';
import { createCa, issue } from './pki';

describe('pki', () => {
  it('issues a serving certificate with IP and DNS SANs that verifies against its CA', () => {
    const ca = createCa('test-ca');
    const leaf = issue(ca, { commonName: 'svc', dnsNames: ['kubernetes.default.svc'], ipAddresses: ['127.0.0.1'], usage: 'server' });
    const caCert = new X509Certificate(ca.certPem);
    const cert = new X509Certificate(leaf.certPem);
    expect(caCert.ca).toBe(true);
    expect(cert.verify(caCert.publicKey)).toBe(true);
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.checkHost('kubernetes.default.svc')).toBe('kubernetes.default.svc');
    expect(cert.keyUsage).toContain('1.3.6.1.5.5.7.3.1'); // serverAuth
  });

  it('puts client organizations into the subject (Kubernetes groups)', () => {
    const ca = createCa('test-ca');
    const leaf = issue(ca, { commonName: 'admin', organizations: ['system:masters'], usage: 'client' });
    const cert = new X509Certificate(leaf.certPem);
    expect(cert.subject).toContain('O=system:masters');
    expect(cert.keyUsage).toContain('1.3.6.1.5.5.7.3.2'); // clientAuth
  });
});

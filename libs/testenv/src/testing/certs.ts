import { createCa, issue } from '../lib/pki';

export { createCa, issue, type CertificateAuthority, type KeyPairPem, type LeafOptions } from '../lib/pki';

export interface ServingCert {
  /** PEM of the CA that signed the certificate (for a webhook's `caBundle`, base64-encode it). */
  caPem: string;
  certPem: string;
  keyPem: string;
}

/** A fresh CA and a serving certificate for `hosts` (IPs and DNS names), e.g. for a test webhook server. */
export function createServingCert(hosts: string[] = ['127.0.0.1', 'localhost']): ServingCert {
  const ca = createCa('isthmus-test-ca', 2);
  const ipAddresses = hosts.filter((h) => /^[\d.]+$/.test(h) || h.includes(':'));
  const dnsNames = hosts.filter((h) => !ipAddresses.includes(h));
  const leaf = issue(ca, { commonName: hosts[0] ?? 'localhost', dnsNames, ipAddresses, usage: 'server', validDays: 2 });
  return { caPem: ca.certPem, certPem: leaf.certPem, keyPem: leaf.keyPem };
}

import forge from 'node-forge';

export interface TestPki {
  readonly caPem: string;
  issue(commonName: string, usage: 'server' | 'client', ip?: string): { certPem: string; keyPem: string };
}

/** A throwaway CA for mTLS tests (1024-bit keys: fast, test-only). */
export function createTestPki(): TestPki {
  const caKeys = forge.pki.rsa.generateKeyPair(1024);
  const ca = forge.pki.createCertificate();
  ca.publicKey = caKeys.publicKey;
  ca.serialNumber = '01';
  ca.validity.notBefore = new Date(Date.now() - 60_000);
  ca.validity.notAfter = new Date(Date.now() + 86_400_000);
  ca.setSubject([{ name: 'commonName', value: 'galley-test-ca' }]);
  ca.setIssuer(ca.subject.attributes);
  ca.setExtensions([{ name: 'basicConstraints', cA: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true }]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());
  let serial = 1;
  return {
    caPem: forge.pki.certificateToPem(ca),
    issue(commonName, usage, ip = '127.0.0.1') {
      const keys = forge.pki.rsa.generateKeyPair(1024);
      const cert = forge.pki.createCertificate();
      cert.publicKey = keys.publicKey;
      cert.serialNumber = String(++serial).padStart(2, '0');
      cert.validity.notBefore = new Date(Date.now() - 60_000);
      cert.validity.notAfter = new Date(Date.now() + 86_400_000);
      cert.setSubject([{ name: 'commonName', value: commonName }]);
      cert.setIssuer(ca.subject.attributes);
      cert.setExtensions([
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: usage === 'server', clientAuth: usage === 'client' },
        ...(usage === 'server' ? [{ name: 'subjectAltName', altNames: [{ type: 7, ip }] }] : []),
      ]);
      cert.sign(caKeys.privateKey, forge.md.sha256.create());
      return { certPem: forge.pki.certificateToPem(cert), keyPem: forge.pki.privateKeyToPem(keys.privateKey) };
    },
  };
}

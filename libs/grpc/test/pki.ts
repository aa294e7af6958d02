import forge from 'node-forge';

export interface Pem {
  cert: string;
  key: string;
}

function certificate(subject: string, issuer: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey } | undefined, extensions: object[], serial: string): { cert: forge.pki.Certificate; keys: forge.pki.rsa.KeyPair } {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  cert.setSubject([{ name: 'commonName', value: subject }]);
  cert.setIssuer(issuer ? issuer.cert.subject.attributes : [{ name: 'commonName', value: subject }]);
  cert.setExtensions(extensions);
  cert.sign(issuer?.key ?? keys.privateKey, forge.md.sha256.create());
  return { cert, keys };
}

/** A test CA issuing server (127.0.0.1/localhost) and client certificates. */
export function testPki(name: string): { ca: string; issue(kind: 'server' | 'client', serial: string): Pem } {
  const ca = certificate(`${name}-ca`, undefined, [{ name: 'basicConstraints', cA: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true }], '01');
  return {
    ca: forge.pki.certificateToPem(ca.cert),
    issue(kind, serial) {
      const extensions =
        kind === 'server'
          ? [{ name: 'extKeyUsage', serverAuth: true }, { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] }]
          : [{ name: 'extKeyUsage', clientAuth: true }, { name: 'subjectAltName', altNames: [{ type: 6, value: 'spiffe://cluster.local/ns/default/sa/test' }] }];
      const leaf = certificate(`${name}-${kind}`, { cert: ca.cert, key: ca.keys.privateKey }, extensions, serial);
      return { cert: forge.pki.certificateToPem(leaf.cert), key: forge.pki.privateKeyToPem(leaf.keys.privateKey) };
    },
  };
}

/** A throwaway CA and leaf certificates for TLS tests (node-forge), written to a temp dir as PEM files. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';

export interface Pem {
  readonly cert: string;
  readonly key: string;
}

export interface TestPki {
  readonly dir: string;
  readonly ca: Pem;
  issue(commonName: string, sans: { dns?: string[]; uri?: string[] }): Pem & { certFile: string; keyFile: string };
  readonly caFile: string;
}

function keyPair() {
  return forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });
}

export function createTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'proxy-pki-'));
  const caKeys = keyPair();
  const caCert = forge.pki.createCertificate();
  caCert.publicKey = caKeys.publicKey;
  caCert.serialNumber = '01';
  caCert.validity.notBefore = new Date(Date.now() - 60_000);
  caCert.validity.notAfter = new Date(Date.now() + 86_400_000);
  const caName = [{ name: 'commonName', value: 'Isthmus Test CA' }];
  caCert.setSubject(caName);
  caCert.setIssuer(caName);
  caCert.setExtensions([{ name: 'basicConstraints', cA: true }, { name: 'keyUsage', keyCertSign: true, digitalSignature: true }]);
  caCert.sign(caKeys.privateKey, forge.md.sha256.create());
  const ca = { cert: forge.pki.certificateToPem(caCert), key: forge.pki.privateKeyToPem(caKeys.privateKey) };
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, ca.cert);
  let serial = 2;
  return {
    dir,
    ca,
    caFile,
    issue(commonName, sans) {
      const keys = keyPair();
      const cert = forge.pki.createCertificate();
      cert.publicKey = keys.publicKey;
      cert.serialNumber = String(serial++).padStart(2, '0');
      cert.validity.notBefore = new Date(Date.now() - 60_000);
      cert.validity.notAfter = new Date(Date.now() + 86_400_000);
      cert.setSubject([{ name: 'commonName', value: commonName }]);
      cert.setIssuer(caCert.subject.attributes);
      const altNames = [...(sans.dns ?? []).map((value) => ({ type: 2, value })), ...(sans.uri ?? []).map((value) => ({ type: 6, value }))];
      cert.setExtensions([{ name: 'subjectAltName', altNames }, { name: 'extKeyUsage', serverAuth: true, clientAuth: true }]);
      cert.sign(caKeys.privateKey, forge.md.sha256.create());
      const pem = { cert: forge.pki.certificateToPem(cert), key: forge.pki.privateKeyToPem(keys.privateKey) };
      const base = join(dir, `${commonName.replace(/[^a-z0-9.-]/gi, '_')}-${serial}`);
      writeFileSync(`${base}.crt`, pem.cert);
      writeFileSync(`${base}.key`, pem.key);
      return { ...pem, certFile: `${base}.crt`, keyFile: `${base}.key` };
    },
  };
}

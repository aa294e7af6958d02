import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCa, issue, rsaKeyPem } from './pki';

/** Files of the test cluster's PKI, generated once per state directory. */
export interface ClusterPki {
  caCert: string;
  caKey: string;
  apiserverCert: string;
  apiserverKey: string;
  adminCert: string;
  adminKey: string;
  serviceAccountKey: string;
  serviceAccountPub: string;
}

export function pkiPaths(stateDir: string): ClusterPki {
  const dir = join(stateDir, 'pki');
  return {
    caCert: join(dir, 'ca.crt'),
    caKey: join(dir, 'ca.key'),
    apiserverCert: join(dir, 'apiserver.crt'),
    apiserverKey: join(dir, 'apiserver.key'),
    adminCert: join(dir, 'admin.crt'),
    adminKey: join(dir, 'admin.key'),
    serviceAccountKey: join(dir, 'sa.key'),
    serviceAccountPub: join(dir, 'sa.pub'),
  };
}

/** In-cluster names the API server's serving certificate covers (besides loopback). */
const APISERVER_DNS = ['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local'];
/** First address of the service CIDR (10.96.0.0/16) is the `kubernetes` Service's cluster IP. */
export const SERVICE_CIDR = '10.96.0.0/16';
const APISERVER_IPS = ['127.0.0.1', '10.96.0.1'];

function write(file: string, pem: string): void {
  writeFileSync(file, pem, { mode: 0o600 });
}

/** Creates the CA, API server serving cert, admin client cert (system:masters) and service-account key if missing. */
export function ensureClusterPki(stateDir: string): ClusterPki {
  const paths = pkiPaths(stateDir);
  if (Object.values(paths).every((file) => existsSync(file))) return paths;
  mkdirSync(join(stateDir, 'pki'), { recursive: true, mode: 0o700 });
  const ca = createCa('isthmus-testenv-ca');
  const serving = issue(ca, { commonName: 'kube-apiserver', dnsNames: APISERVER_DNS, ipAddresses: APISERVER_IPS, usage: 'server' });
  const admin = issue(ca, { commonName: 'isthmus-admin', organizations: ['system:masters'], usage: 'client' });
  const sa = rsaKeyPem();
  write(paths.caCert, ca.certPem);
  write(paths.caKey, ca.keyPem);
  write(paths.apiserverCert, serving.certPem);
  write(paths.apiserverKey, serving.keyPem);
  write(paths.adminCert, admin.certPem);
  write(paths.adminKey, admin.keyPem);
  write(paths.serviceAccountKey, sa.privateKeyPem);
  write(paths.serviceAccountPub, sa.publicKeyPem);
  return paths;
}

export function readPem(file: string): string {
  return readFileSync(file, 'utf8');
}

import { readFileSync } from 'node:fs';
import { SERVICE_CIDR } from '../cluster-pki';
import { probeOk } from '../http-probe';
import { binaries } from '../paths';
import { HOST } from '../ports';
import type { Layout } from '../layout';
import type { Component } from './component';

export const SERVICE_ACCOUNT_ISSUER = 'https://kubernetes.default.svc.cluster.local';

export function apiserverUrl(l: Layout): string {
  return `https://${HOST}:${l.ports.apiserver}`;
}

/** Probes an API server endpoint as the admin user. */
export function adminProbe(l: Layout, path: string): Promise<boolean> {
  return probeOk(`${apiserverUrl(l)}${path}`, {
    ca: readFileSync(l.pki.caCert, 'utf8'),
    cert: readFileSync(l.pki.adminCert, 'utf8'),
    key: readFileSync(l.pki.adminKey, 'utf8'),
  });
}

export const kubeApiserver: Component = {
  name: 'kube-apiserver',
  group: 'kube',
  ports: (l) => [{ port: l.ports.apiserver, purpose: 'kube-apiserver' }],
  prepare: async () => undefined,
  command: (l) => ({
    command: binaries.kube('kube-apiserver'),
    args: [
      `--etcd-servers=http://${HOST}:${l.ports.etcdClient}`,
      `--bind-address=${HOST}`,
      `--advertise-address=${HOST}`,
      `--secure-port=${l.ports.apiserver}`,
      `--tls-cert-file=${l.pki.apiserverCert}`,
      `--tls-private-key-file=${l.pki.apiserverKey}`,
      `--client-ca-file=${l.pki.caCert}`,
      `--service-account-key-file=${l.pki.serviceAccountPub}`,
      `--service-account-signing-key-file=${l.pki.serviceAccountKey}`,
      `--service-account-issuer=${SERVICE_ACCOUNT_ISSUER}`,
      `--service-cluster-ip-range=${SERVICE_CIDR}`,
      '--authorization-mode=RBAC',
      '--enable-admission-plugins=NamespaceLifecycle,ServiceAccount,MutatingAdmissionWebhook,ValidatingAdmissionWebhook',
      '--allow-privileged=true',
      // No kubelets or nodes exist: do not keep the `kubernetes` Endpoints pointed at a loopback address.
      '--endpoint-reconciler-type=none',
      '--profiling=false',
      `--cert-dir=${l.dataDir('kube-apiserver')}`,
      '--v=1',
    ],
  }),
  marker: (l) => `--tls-cert-file=${l.pki.apiserverCert}`,
  healthy: (l) => adminProbe(l, '/readyz'),
  startTimeoutMs: 90_000,
};

import { SERVICE_CIDR } from '../cluster-pki';
import { probeOk } from '../http-probe';
import { binaries } from '../paths';
import { HOST } from '../ports';
import type { Component } from './component';

export const kubeControllerManager: Component = {
  name: 'kube-controller-manager',
  group: 'kube',
  ports: (l) => [{ port: l.ports.controllerManager, purpose: 'kube-controller-manager' }],
  prepare: async () => undefined,
  command: (l) => ({
    command: binaries.kube('kube-controller-manager'),
    args: [
      `--kubeconfig=${l.kubeconfig}`,
      `--authentication-kubeconfig=${l.kubeconfig}`,
      `--authorization-kubeconfig=${l.kubeconfig}`,
      `--bind-address=${HOST}`,
      `--secure-port=${l.ports.controllerManager}`,
      `--cert-dir=${l.dataDir('kube-controller-manager')}`,
      `--service-account-private-key-file=${l.pki.serviceAccountKey}`,
      `--root-ca-file=${l.pki.caCert}`,
      `--cluster-signing-cert-file=${l.pki.caCert}`,
      `--cluster-signing-key-file=${l.pki.caKey}`,
      `--service-cluster-ip-range=${SERVICE_CIDR}`,
      '--use-service-account-credentials=false',
      '--leader-elect=false',
      '--controllers=*',
      '--v=1',
    ],
  }),
  marker: (l) => `--cert-dir=${l.dataDir('kube-controller-manager')}`,
  healthy: (l) => probeOk(`https://${HOST}:${l.ports.controllerManager}/healthz`, { insecure: true }),
  startTimeoutMs: 60_000,
};

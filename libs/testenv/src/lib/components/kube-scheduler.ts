import { probeOk } from '../http-probe';
import { binaries } from '../paths';
import { HOST } from '../ports';
import type { Component } from './component';

export const kubeScheduler: Component = {
  name: 'kube-scheduler',
  group: 'kube',
  ports: (l) => [{ port: l.ports.scheduler, purpose: 'kube-scheduler' }],
  prepare: async () => undefined,
  command: (l) => ({
    command: binaries.kube('kube-scheduler'),
    args: [
      `--kubeconfig=${l.kubeconfig}`,
      `--authentication-kubeconfig=${l.kubeconfig}`,
      `--authorization-kubeconfig=${l.kubeconfig}`,
      `--bind-address=${HOST}`,
      `--secure-port=${l.ports.scheduler}`,
      `--cert-dir=${l.dataDir('kube-scheduler')}`,
      '--leader-elect=false',
      '--v=1',
    ],
  }),
  marker: (l) => `--cert-dir=${l.dataDir('kube-scheduler')}`,
  healthy: (l) => probeOk(`https://${HOST}:${l.ports.scheduler}/healthz`, { insecure: true }),
  startTimeoutMs: 60_000,
};

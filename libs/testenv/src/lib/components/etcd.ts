import { mkdirSync } from 'node:fs';
import { HOST } from '../ports';
import { binaries } from '../paths';
import { probeOk } from '../http-probe';
import type { Component } from './component';

export const etcd: Component = {
  name: 'etcd',
  group: 'kube',
  ports: (l) => [
    { port: l.ports.etcdClient, purpose: 'etcd client' },
    { port: l.ports.etcdPeer, purpose: 'etcd peer' },
  ],
  prepare: async (l) => {
    mkdirSync(l.dataDir('etcd'), { recursive: true, mode: 0o700 });
  },
  command: (l) => {
    const client = `http://${HOST}:${l.ports.etcdClient}`;
    const peer = `http://${HOST}:${l.ports.etcdPeer}`;
    return {
      command: binaries.etcd(),
      args: [
        '--name=isthmus-testenv',
        `--data-dir=${l.dataDir('etcd')}`,
        `--listen-client-urls=${client}`,
        `--advertise-client-urls=${client}`,
        `--listen-peer-urls=${peer}`,
        `--initial-advertise-peer-urls=${peer}`,
        `--initial-cluster=isthmus-testenv=${peer}`,
        '--initial-cluster-state=new',
        // Test data is disposable: skip fsync for speed.
        '--unsafe-no-fsync',
        '--quota-backend-bytes=2147483648',
        '--log-level=warn',
      ],
    };
  },
  marker: (l) => `--data-dir=${l.dataDir('etcd')}`,
  healthy: (l) => probeOk(`http://${HOST}:${l.ports.etcdClient}/health`, {}, '"health":"true"'),
  startTimeoutMs: 30_000,
};

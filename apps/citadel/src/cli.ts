import { boolFlag, componentFlags, defineCommand, durationFlag, serveOpsOnly, stringFlag } from '@isthmus/runtime';

/** Citadel with Istio 1.3's istio_ca flag names. */
export const citadelCommand = defineCommand({
  name: 'citadel',
  summary: 'Isthmus Citadel: the mesh certificate authority',
  flags: {
    grpcPort: stringFlag({ name: 'grpc-port', default: ':8060', description: 'Address of the CSR gRPC API' }),
    monitoringPort: stringFlag({ name: 'monitoring-port', default: ':15014', description: 'Ops address: /healthz, /ready, /metrics, /version' }),
    selfSignedCa: boolFlag({ name: 'self-signed-ca', default: true, description: 'Generate a self-signed root (else use the cacerts secret)' }),
    workloadCertTtl: durationFlag({ name: 'workload-cert-ttl', default: '2160h', description: 'Validity of issued workload certificates' }),
    trustDomain: stringFlag({ name: 'trust-domain', default: 'cluster.local', description: 'SPIFFE trust domain' }),
    kubeconfig: stringFlag({ name: 'kube-config', default: '', env: 'KUBECONFIG', description: 'Kubeconfig file; empty means in-cluster' }),
    ...componentFlags,
  },
  run: async ({ flags }) => {
    await serveOpsOnly({ name: 'citadel', opsAddress: flags.monitoringPort, ...flags });
  },
});

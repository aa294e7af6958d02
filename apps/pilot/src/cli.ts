import { componentFlags, defineCommand, durationFlag, listFlag, stringFlag } from '@isthmus/runtime';
import { startPilot } from './server';

/** `pilot discovery` with Istio 1.3's pilot-discovery flag names. */
export const discoveryCommand = defineCommand({
  name: 'discovery',
  summary: 'Start the xDS discovery service (ADS over gRPC)',
  flags: {
    grpcAddr: stringFlag({ name: 'grpcAddr', default: ':15010', description: 'Plaintext gRPC address of the ADS server' }),
    secureGrpcAddr: stringFlag({ name: 'secureGrpcAddr', default: ':15011', description: 'mTLS gRPC address of the ADS server ("" disables; needs certificates in --certDir)' }),
    httpAddr: stringFlag({ name: 'httpAddr', default: ':8080', description: 'Debug HTTP address (/debug/*)' }),
    monitoringAddr: stringFlag({ name: 'monitoringAddr', default: ':15014', description: 'Ops address: /healthz, /ready, /metrics, /version' }),
    configDir: stringFlag({ name: 'configDir', default: '', description: 'Directory of Istio config files (local mode); empty uses the registries' }),
    registries: listFlag({ name: 'registries', default: ['Kubernetes'], description: 'Service registries: Kubernetes, MCP, Memory' }),
    meshConfig: stringFlag({ name: 'meshConfig', default: '/etc/istio/config/mesh', description: 'Mesh config file' }),
    kubeconfig: stringFlag({ name: 'kubeconfig', default: '', env: 'KUBECONFIG', description: 'Kubeconfig file; empty means in-cluster' }),
    domain: stringFlag({ name: 'domain', default: 'cluster.local', description: 'DNS domain suffix' }),
    mcpServerAddrs: listFlag({ name: 'mcpServerAddrs', default: [], description: 'Galley MCP addresses (tcp://host:port) used with --registries MCP; default: mesh configSources' }),
    certDir: stringFlag({ name: 'certDir', default: '/etc/certs', description: 'Directory with cert-chain.pem, key.pem and root-cert.pem for the mTLS ADS port' }),
    defaultNamespace: stringFlag({ name: 'defaultNamespace', default: 'default', description: 'Namespace of --configDir resources that name none' }),
    debounceAfter: durationFlag({ name: 'debounceAfter', env: 'PILOT_DEBOUNCE_AFTER', default: '100ms', description: 'Quiet period after a config/registry change before pushing' }),
    debounceMax: durationFlag({ name: 'debounceMax', env: 'PILOT_DEBOUNCE_MAX', default: '10s', description: 'Longest a change waits for a push during a continuous burst' }),
    ...componentFlags,
  },
  run: async ({ flags }) => {
    await startPilot({ ...flags, logLevel: flags.logLevel });
  },
});

export const pilotCommand = defineCommand({
  name: 'pilot',
  summary: 'Isthmus Pilot: service discovery and traffic management for the mesh',
  flags: {},
  subcommands: [discoveryCommand],
});

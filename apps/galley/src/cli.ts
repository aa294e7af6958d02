import { boolFlag, componentFlags, defineCommand, intFlag, serveOpsOnly, stringFlag } from '@isthmus/runtime';

/** `galley server` with Istio 1.3's flag names. */
export const serverCommand = defineCommand({
  name: 'server',
  summary: 'Start Galley: config ingest, validation webhook and the MCP server',
  flags: {
    serverAddress: stringFlag({ name: 'server-address', default: 'tcp://0.0.0.0:9901', description: 'Address of the MCP gRPC server' }),
    validationPort: intFlag({ name: 'validation-port', default: 443, min: 1, max: 65535, description: 'HTTPS port of the validating webhook' }),
    monitoringPort: stringFlag({ name: 'monitoringPort', default: ':15014', description: 'Ops address: /healthz, /ready, /metrics, /version' }),
    configPath: stringFlag({ name: 'configPath', default: '', description: 'Directory of config files (local mode); empty watches Kubernetes' }),
    enableValidation: boolFlag({ name: 'enable-validation', default: true, description: 'Run the validating admission webhook' }),
    enableServer: boolFlag({ name: 'enable-server', default: true, description: 'Run the MCP server' }),
    kubeconfig: stringFlag({ name: 'kubeconfig', default: '', env: 'KUBECONFIG', description: 'Kubeconfig file; empty means in-cluster' }),
    ...componentFlags,
  },
  run: async ({ flags }) => {
    await serveOpsOnly({ name: 'galley', opsAddress: flags.monitoringPort, ...flags });
  },
});

export const galleyCommand = defineCommand({
  name: 'galley',
  summary: 'Isthmus Galley: configuration ingest, validation and distribution',
  flags: {},
  subcommands: [serverCommand],
});

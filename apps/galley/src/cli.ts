import { boolFlag, componentFlags, defineCommand, durationFlag, intFlag, listFlag, stringFlag } from '@isthmus/runtime';
import { runGalley } from './server';

/** `galley server` with Istio 1.3's flag names (ours where Istio had none: Kafka, debounce, webhook URL). */
export const serverCommand = defineCommand({
  name: 'server',
  summary: 'Start Galley: config ingest, validation webhook and the MCP server',
  flags: {
    serverAddress: stringFlag({ name: 'server-address', default: 'tcp://0.0.0.0:9901', description: 'Address of the MCP gRPC server' }),
    validationPort: intFlag({ name: 'validation-port', default: 443, min: 1, max: 65535, description: 'HTTPS port of the validating webhook' }),
    validationHost: stringFlag({ name: 'validation-host', default: '0.0.0.0', description: 'Interface the validating webhook listens on' }),
    monitoringPort: stringFlag({ name: 'monitoringPort', default: ':15014', description: 'Ops address: /healthz, /ready, /metrics, /version, /debug/mcp' }),
    configPath: stringFlag({ name: 'configPath', default: '', description: 'Directory of config files (local mode); empty watches Kubernetes' }),
    enableValidation: boolFlag({ name: 'enable-validation', default: true, description: 'Run the validating admission webhook' }),
    enableServer: boolFlag({ name: 'enable-server', default: true, description: 'Run the MCP server' }),
    kubeconfig: stringFlag({ name: 'kubeconfig', default: '', env: 'KUBECONFIG', description: 'Kubeconfig file; empty means in-cluster' }),
    tlsCertFile: stringFlag({ name: 'tlsCertFile', default: '/etc/certs/cert-chain.pem', description: 'Certificate of the webhook and (unless --insecure) the MCP server' }),
    tlsKeyFile: stringFlag({ name: 'tlsKeyFile', default: '/etc/certs/key.pem', description: 'Private key for --tlsCertFile' }),
    caCertFile: stringFlag({ name: 'caCertFile', default: '/etc/certs/root-cert.pem', description: 'CA for the webhook caBundle and for verifying MCP clients (mTLS)' }),
    insecure: boolFlag({ name: 'insecure', default: false, description: 'Serve MCP over plaintext gRPC instead of mTLS' }),
    reconcileWebhook: boolFlag({
      name: 'enable-reconcileWebhookConfiguration',
      default: true,
      description: 'Create/update the ValidatingWebhookConfiguration with the caBundle from --caCertFile',
    }),
    webhookName: stringFlag({ name: 'webhook-name', default: 'istio-galley', description: 'Name of the ValidatingWebhookConfiguration' }),
    webhookUrl: stringFlag({ name: 'webhook-url', default: '', description: 'Webhook base URL for an API server outside the cluster (e.g. https://127.0.0.1:9443); empty uses the istio-galley Service' }),
    deploymentNamespace: stringFlag({ name: 'deployment-namespace', default: 'istio-system', description: 'Namespace of the istio-galley Service' }),
    resyncPeriod: durationFlag({ name: 'resyncPeriod', default: '0s', description: 'Replay the Kubernetes caches at this interval (0s = never)' }),
    writeStatus: boolFlag({ name: 'write-status', default: true, description: 'Write a Valid condition into the status of rejected resources' }),
    debounceQuiet: durationFlag({ name: 'debounce-quiet', default: '10ms', description: 'A burst of config changes ends after this quiet period' }),
    debounceMax: durationFlag({ name: 'debounce-max', default: '100ms', description: 'Longest a burst of changes may delay a push' }),
    kafkaBrokers: listFlag({ name: 'kafkaBrokers', default: [], env: 'KAFKA_BROKERS', description: 'Kafka brokers for the config audit stream; empty logs the events instead' }),
    configEventsTopic: stringFlag({ name: 'configEventsTopic', default: 'isthmus.config.events', description: 'Kafka topic of the config audit stream' }),
    ...componentFlags,
  },
  run: async ({ flags }) => {
    await runGalley(flags);
  },
});

export const galleyCommand = defineCommand({
  name: 'galley',
  summary: 'Isthmus Galley: configuration ingest, validation and distribution',
  flags: {},
  subcommands: [serverCommand],
});

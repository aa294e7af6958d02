import { componentFlags, defineCommand, serveOpsOnly, stringFlag } from '@isthmus/runtime';

/** `mixer server` with Istio 1.3's mixs flag names. */
export const serverCommand = defineCommand({
  name: 'server',
  summary: 'Start Mixer: policy Check and telemetry Report over gRPC',
  flags: {
    address: stringFlag({ name: 'address', default: ':9091', description: 'Address of the Mixer gRPC API' }),
    monitoringPort: stringFlag({ name: 'monitoringPort', default: ':15014', description: 'Ops address: /healthz, /ready, /metrics, /version' }),
    configStoreURL: stringFlag({ name: 'configStoreURL', default: '', description: 'Config source: mcp://host:port, k8s://, or fs:///dir' }),
    kafkaBrokers: stringFlag({ name: 'kafkaBrokers', default: '', env: 'KAFKA_BROKERS', description: 'Kafka brokers for telemetry (empty: in-process)' }),
    ...componentFlags,
  },
  run: async ({ flags }) => {
    await serveOpsOnly({ name: 'mixer', opsAddress: flags.monitoringPort, ...flags });
  },
});

export const mixerCommand = defineCommand({
  name: 'mixer',
  summary: 'Isthmus Mixer: policy and telemetry',
  flags: {},
  subcommands: [serverCommand],
});

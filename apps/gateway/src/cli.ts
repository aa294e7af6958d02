import { componentFlags, defineCommand, durationFlag, intFlag, serveOpsOnly, stringFlag } from '@isthmus/runtime';

const proxyFlags = {
  discoveryAddress: stringFlag({ name: 'discoveryAddress', default: 'istio-pilot.istio-system:15010', description: 'Pilot ADS address' }),
  serviceCluster: stringFlag({ name: 'serviceCluster', default: 'istio-proxy', description: 'Service cluster reported to Pilot' }),
  domain: stringFlag({ name: 'domain', default: 'cluster.local', description: 'DNS domain suffix' }),
  statusPort: intFlag({ name: 'statusPort', default: 15020, min: 0, max: 65535, description: 'Agent status port (/healthz/ready, /app-health)' }),
  proxyAdminPort: intFlag({ name: 'proxyAdminPort', default: 15000, min: 0, max: 65535, description: 'Admin port (/config_dump, /stats)' }),
  concurrency: intFlag({ name: 'concurrency', default: 2, min: 0, max: 64, description: 'Worker processes (0: one per core)' }),
  drainDuration: durationFlag({ name: 'drainDuration', default: '45s', description: 'Listener drain time on config change' }),
  parentShutdownDuration: durationFlag({ name: 'parentShutdownDuration', default: '1m0s', description: 'Limit for the old process during restart' }),
  ...componentFlags,
} as const;

function proxyMode(mode: 'sidecar' | 'router', summary: string) {
  return defineCommand({
    name: mode,
    summary,
    flags: proxyFlags,
    run: async ({ flags }) => {
      await serveOpsOnly({ name: `gateway-${mode}`, opsAddress: `:${flags.statusPort}`, ...flags });
    },
  });
}

export const proxyCommand = defineCommand({
  name: 'proxy',
  summary: 'Run the proxy as a sidecar or as an ingress/egress gateway (router)',
  flags: {},
  subcommands: [proxyMode('sidecar', 'Run as a sidecar next to an application'), proxyMode('router', 'Run as an ingress or egress gateway')],
});

export const gatewayCommand = defineCommand({
  name: 'gateway',
  summary: 'Isthmus proxy: the xDS-driven data plane',
  flags: {},
  subcommands: [proxyCommand],
});

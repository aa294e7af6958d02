import { proxyInitCommand, waitCommand } from '@isthmus/agent';
import { boolFlag, componentFlags, defineCommand, durationFlag, intFlag, stringFlag } from '@isthmus/runtime';
import { runProxy } from './server';

/** pilot-agent's flags (Istio 1.3 names), plus the environment the sidecar injector sets. */
export const proxyFlags = {
  discoveryAddress: stringFlag({ name: 'discoveryAddress', default: 'istio-pilot.istio-system:15010', description: 'Pilot ADS address' }),
  serviceCluster: stringFlag({ name: 'serviceCluster', default: 'istio-proxy', description: 'Service cluster reported to Pilot' }),
  domain: stringFlag({ name: 'domain', default: '', description: 'DNS domain suffix of the node id (default <namespace>.svc.cluster.local)' }),
  podName: stringFlag({ name: 'podName', env: 'POD_NAME', default: 'localhost', description: 'Pod name (node id)' }),
  podNamespace: stringFlag({ name: 'podNamespace', env: 'POD_NAMESPACE', default: 'default', description: 'Pod namespace (node id, metadata)' }),
  ip: stringFlag({ name: 'ip', env: 'INSTANCE_IP', default: '127.0.0.1', description: 'Pod IP (node id)' }),
  statusPort: intFlag({ name: 'statusPort', default: 15020, min: 0, max: 65535, description: 'Agent status port (/healthz/ready, /app-health)' }),
  proxyAdminPort: intFlag({ name: 'proxyAdminPort', default: 15000, min: 0, max: 65535, description: 'Admin port (/config_dump, /stats)' }),
  prometheusPort: intFlag({ name: 'prometheusPort', default: 15090, min: 0, max: 65535, description: 'Prometheus port (/stats/prometheus); 0 disables' }),
  concurrency: intFlag({ name: 'concurrency', default: 2, min: 0, max: 64, description: 'Worker processes (0: one per core)' }),
  drainDuration: durationFlag({ name: 'drainDuration', default: '45s', description: 'Listener drain time on config change' }),
  parentShutdownDuration: durationFlag({ name: 'parentShutdownDuration', default: '1m0s', description: 'Limit for the old process during restart' }),
  localMode: boolFlag({
    name: 'localMode',
    default: false,
    description: 'No iptables: bind the per-service outbound listeners (bind_to_port=false) directly on --localBindAddress',
  }),
  localBindAddress: stringFlag({ name: 'localBindAddress', default: '127.0.0.1', description: 'Address for listeners bound in --localMode' }),
  appProbers: stringFlag({ name: 'appProbers', env: 'ISTIO_KUBE_APP_PROBERS', default: '', description: 'Rewritten app probes (JSON, set by the injector)' }),
  labels: stringFlag({ name: 'labels', env: 'ISTIO_METAJSON_LABELS', default: '{}', description: 'Pod labels as JSON (node metadata LABELS)' }),
  ...componentFlags,
} as const;

function proxyMode(mode: 'sidecar' | 'router', summary: string) {
  return defineCommand({
    name: mode,
    summary,
    flags: proxyFlags,
    run: ({ flags }) => runProxy(mode, flags),
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
  subcommands: [proxyCommand, proxyInitCommand, waitCommand],
});

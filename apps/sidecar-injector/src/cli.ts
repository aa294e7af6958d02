import { componentFlags, defineCommand, intFlag, serveOpsOnly, stringFlag } from '@isthmus/runtime';

/** The injector with Istio 1.3's sidecar-injector flag names. */
export const injectorCommand = defineCommand({
  name: 'sidecar-injector',
  summary: 'Isthmus sidecar injector: mutating admission webhook adding istio-init and istio-proxy',
  flags: {
    port: intFlag({ name: 'port', default: 443, min: 1, max: 65535, description: 'HTTPS port of the webhook' }),
    monitoringPort: stringFlag({ name: 'monitoringPort', default: ':15014', description: 'Ops address: /healthz, /ready, /metrics, /version' }),
    injectConfig: stringFlag({ name: 'injectConfig', default: '/etc/istio/inject/config', description: 'Injection config (policy and template)' }),
    meshConfig: stringFlag({ name: 'meshConfig', default: '/etc/istio/config/mesh', description: 'Mesh config file' }),
    tlsCertFile: stringFlag({ name: 'tlsCertFile', default: '/etc/istio/certs/cert-chain.pem', description: 'Serving certificate (reloaded on change)' }),
    tlsKeyFile: stringFlag({ name: 'tlsKeyFile', default: '/etc/istio/certs/key.pem', description: 'Serving key' }),
    ...componentFlags,
  },
  run: async ({ flags }) => {
    await serveOpsOnly({ name: 'sidecar-injector', opsAddress: flags.monitoringPort, ...flags });
  },
});

import { LogScopes, OpsServer, Readiness } from '@isthmus/runtime';
import { Registry } from 'prom-client';
import { galleyOptions, type GalleyFlags } from './server';

const flags: GalleyFlags = {
  serverAddress: 'tcp://127.0.0.1:0',
  validationPort: 9443,
  validationHost: '127.0.0.1',
  monitoringPort: '127.0.0.1:0',
  configPath: '/tmp',
  enableValidation: false,
  enableServer: true,
  kubeconfig: '',
  tlsCertFile: '/nonexistent/cert-chain.pem',
  tlsKeyFile: '/nonexistent/key.pem',
  caCertFile: '/nonexistent/root-cert.pem',
  insecure: true,
  reconcileWebhook: true,
  webhookName: 'istio-galley',
  webhookUrl: '',
  deploymentNamespace: 'istio-system',
  writeStatus: true,
  resyncPeriod: 0,
  debounceQuiet: 100,
  debounceMax: 1000,
  kafkaBrokers: [],
  configEventsTopic: 'isthmus.config.events',
  logLevel: 'default:fatal',
  shutdownDrain: 0,
  shutdownDeadline: 1000,
};
const runtime = { logs: new LogScopes('galley', new Map([['default', 'fatal']])), registry: new Registry(), readiness: new Readiness(), ops: new OpsServer() };

describe('galleyOptions', () => {
  it('maps local mode: files, plaintext MCP, no webhook, no Kubernetes', () => {
    const options = galleyOptions(flags, runtime);
    expect(options).toMatchObject({ configPath: '/tmp', mcp: { address: 'tcp://127.0.0.1:0', tls: undefined }, webhook: undefined, kubeConfig: undefined });
    expect(options.debounce).toEqual({ quietMs: 100, maxDelayMs: 1000 });
  });

  it('names the flag whose file is missing', () => {
    expect(() => galleyOptions({ ...flags, insecure: false }, runtime)).toThrow('--tlsCertFile: /nonexistent/cert-chain.pem does not exist (MCP uses mTLS unless --insecure)');
    expect(() => galleyOptions({ ...flags, enableValidation: true, reconcileWebhook: false }, runtime)).toThrow('--tlsCertFile');
  });
});

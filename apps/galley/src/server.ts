import { existsSync } from 'node:fs';
import type { KubeConfig } from '@kubernetes/client-node';
import { GalleyServer, type GalleyOptions } from '@isthmus/galley';
import { createComponentRuntime, type ComponentRuntime } from '@isthmus/runtime';

/** The parsed `galley server` flags (see cli.ts). */
export interface GalleyFlags {
  readonly serverAddress: string;
  readonly validationPort: number;
  readonly validationHost: string;
  readonly monitoringPort: string;
  readonly configPath: string;
  readonly enableValidation: boolean;
  readonly enableServer: boolean;
  readonly kubeconfig: string;
  readonly tlsCertFile: string;
  readonly tlsKeyFile: string;
  readonly caCertFile: string;
  readonly insecure: boolean;
  readonly reconcileWebhook: boolean;
  readonly webhookName: string;
  readonly webhookUrl: string;
  readonly deploymentNamespace: string;
  readonly writeStatus: boolean;
  readonly resyncPeriod: number;
  readonly debounceQuiet: number;
  readonly debounceMax: number;
  readonly kafkaBrokers: readonly string[];
  readonly configEventsTopic: string;
  readonly logLevel: string;
  readonly shutdownDrain: number;
  readonly shutdownDeadline: number;
}

/** Whether the flags need the API server: no config directory, or the webhook configuration to reconcile. */
export function needsKubernetes(flags: GalleyFlags): boolean {
  return !flags.configPath || (flags.enableValidation && flags.reconcileWebhook);
}

/** Flags → GalleyOptions (pure); throws naming the flag that is wrong. `kubeConfig` is loaded when needsKubernetes. */
export function galleyOptions(
  flags: GalleyFlags,
  runtime: Pick<ComponentRuntime, 'logs' | 'registry' | 'readiness' | 'ops'>,
  kubeConfig?: KubeConfig,
): GalleyOptions {
  const requireFile = (flag: string, path: string, why: string) => {
    if (!existsSync(path)) throw new Error(`--${flag}: ${path} does not exist (${why})`);
  };
  if (flags.enableValidation) {
    requireFile('tlsCertFile', flags.tlsCertFile, 'the webhook serves HTTPS');
    requireFile('tlsKeyFile', flags.tlsKeyFile, 'the webhook serves HTTPS');
    if (flags.reconcileWebhook) requireFile('caCertFile', flags.caCertFile, 'it becomes the webhook caBundle');
  }
  if (flags.enableServer && !flags.insecure) {
    requireFile('tlsCertFile', flags.tlsCertFile, 'MCP uses mTLS unless --insecure');
    requireFile('caCertFile', flags.caCertFile, 'MCP clients are verified against it unless --insecure');
  }
  return {
    logs: runtime.logs,
    registry: runtime.registry,
    readiness: runtime.readiness,
    ops: runtime.ops,
    configPath: flags.configPath || undefined,
    kubeConfig,
    mcp: flags.enableServer
      ? {
          address: flags.serverAddress,
          tls: flags.insecure ? undefined : { certFile: flags.tlsCertFile, keyFile: flags.tlsKeyFile, caFile: flags.caCertFile, requireClientCert: true },
        }
      : undefined,
    webhook: flags.enableValidation
      ? {
          host: flags.validationHost,
          port: flags.validationPort,
          certFile: flags.tlsCertFile,
          keyFile: flags.tlsKeyFile,
          reconcile: flags.reconcileWebhook
            ? { name: flags.webhookName, caCertFile: flags.caCertFile, url: flags.webhookUrl || undefined, namespace: flags.deploymentNamespace }
            : undefined,
        }
      : undefined,
    debounce: { quietMs: flags.debounceQuiet, maxDelayMs: flags.debounceMax },
    kafka: { brokers: flags.kafkaBrokers, topic: flags.configEventsTopic },
    writeStatus: flags.writeStatus,
    resyncMs: flags.resyncPeriod,
  };
}

/** `galley server`: ops runtime + GalleyServer, stopped in order on SIGTERM. */
export async function runGalley(flags: GalleyFlags): Promise<void> {
  const runtime = createComponentRuntime({ name: 'galley', opsAddress: flags.monitoringPort, ...flags });
  // Imported on demand: the Kubernetes client costs ~70 MB of RSS at import (see kubernetes.ts).
  const kubeConfig = needsKubernetes(flags) ? (await import('./kubernetes')).loadKubeConfig(flags.kubeconfig) : undefined;
  const galley = new GalleyServer(galleyOptions(flags, runtime, kubeConfig));
  runtime.shutdown.onShutdown('galley', () => galley.stop());
  await runtime.start();
  await galley.start();
}

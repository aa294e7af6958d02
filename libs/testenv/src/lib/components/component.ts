import type { Layout } from '../layout';

/** One server of the environment: how to prepare, launch and health-check it. */
export interface Component {
  name: string;
  /** `kube` components are skipped when an external cluster is used, `kafka` when external brokers are. */
  group: 'kube' | 'kafka';
  /** Ports it binds, checked for conflicts before starting. */
  ports(l: Layout): Array<{ port: number; purpose: string }>;
  /** Writes config files and initialises data; must be idempotent. */
  prepare(l: Layout): Promise<void>;
  command(l: Layout): { command: string; args: string[] };
  /** A string unique to this environment's instance in the process command line (to recognise our PID). */
  marker(l: Layout): string;
  healthy(l: Layout): Promise<boolean>;
  startTimeoutMs: number;
}

/** Child environment for servers: no proxies (all traffic is loopback). */
export function serverEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/_proxy$/i.test(key)) env[key] = value;
  }
  return { ...env, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost', ...extra };
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Layout } from './layout';

/** What `up` records for clients (the CLI's `env`, the Jest global setup). */
export interface TestEnvState {
  stateDir: string;
  kubeconfig?: string;
  kafkaBrokers?: string;
  etcdEndpoints?: string;
  binDir: string;
  components: string[];
  updatedAt: string;
}

export function readState(l: Layout): TestEnvState | undefined {
  if (!existsSync(l.stateFile)) return undefined;
  try {
    return JSON.parse(readFileSync(l.stateFile, 'utf8')) as TestEnvState;
  } catch {
    return undefined;
  }
}

/** Environment variables a client of the environment needs. */
export function exportsOf(state: TestEnvState): Record<string, string> {
  const vars: Record<string, string> = { ISTHMUS_TESTENV_STATE: state.stateDir };
  if (state.kubeconfig) vars['KUBECONFIG'] = state.kubeconfig;
  if (state.kafkaBrokers) vars['KAFKA_BROKERS'] = state.kafkaBrokers;
  if (state.etcdEndpoints) vars['ETCD_ENDPOINTS'] = state.etcdEndpoints;
  return vars;
}

const quote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

/** Shell lines that export the environment (and put kubectl/helm on PATH). */
export function renderEnvFile(state: TestEnvState): string {
  const lines = Object.entries(exportsOf(state)).map(([k, v]) => `export ${k}=${quote(v)}`);
  lines.push(`export PATH=${quote(state.binDir)}:"$PATH"`);
  return `${lines.join('\n')}\n`;
}

export function writeState(l: Layout, state: TestEnvState): void {
  writeFileSync(l.stateFile, `${JSON.stringify(state, null, 2)}\n`);
  writeFileSync(l.envFile, renderEnvFile(state));
}

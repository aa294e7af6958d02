import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCENARIO_DIR } from '@isthmus/pilot/testing';
import type { PilotConfig } from '../src/server';

/** A temp config directory holding the given scenario files. */
export function configDir(files: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'pilot-config-'));
  for (const file of files) cpSync(join(SCENARIO_DIR, file), join(dir, file));
  return dir;
}

export function pilotConfig(overrides: Partial<PilotConfig>): PilotConfig {
  return {
    grpcAddr: '127.0.0.1:0',
    secureGrpcAddr: '',
    httpAddr: '127.0.0.1:0',
    monitoringAddr: '127.0.0.1:0',
    configDir: '',
    registries: ['Memory'],
    meshConfig: '',
    kubeconfig: '',
    domain: 'cluster.local',
    certDir: '/nonexistent',
    mcpServerAddrs: [],
    defaultNamespace: 'stock-trader',
    debounceAfter: 20,
    debounceMax: 1_000,
    logLevel: 'default:warn',
    shutdownDrain: 0,
    shutdownDeadline: 5_000,
    ...overrides,
  };
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  return (await response.json()) as T;
}

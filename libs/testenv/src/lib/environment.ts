import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ensureClusterPki, readPem } from './cluster-pki';
import { COMPONENTS, etcd, kafka, kubeApiserver, kubeControllerManager, kubeScheduler, type Component } from './components';
import { kafkaBrokers } from './components/kafka';
import { adminProbe, apiserverUrl } from './components/kube-apiserver';
import { StepError } from './errors';
import { isComplete } from './install/cache-entry';
import { writeKubeconfig } from './kubeconfig';
import { layout, type Layout } from './layout';
import { withLock } from './lock';
import { binaries, cacheDirs, stateRoot } from './paths';
import { HOST } from './ports';
import { findServerProcesses, isRunning, memoryOf, readPidRecord, stopPid, stopRecorded } from './proc';
import { readState, writeState, type TestEnvState } from './state-file';
import { ensureRunning, type EnsureOutcome } from './supervisor';
import { VERSIONS } from './versions';

export interface UpOptions {
  kube: boolean;
  kafka: boolean;
}

export interface UpResult {
  state: TestEnvState;
  started: string[];
  reused: string[];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function lockFile(l: Layout): string {
  return `${l.stateDir}.lock`;
}

function requireInstalled(options: UpOptions): void {
  const missing: string[] = [];
  if (options.kube && !isComplete(cacheDirs.kube())) missing.push(`kubernetes ${VERSIONS.kubernetes}`);
  if (options.kube && !isComplete(cacheDirs.etcd())) missing.push(`etcd ${VERSIONS.etcd}`);
  if (options.kafka && !isComplete(cacheDirs.kafka())) missing.push(`kafka ${VERSIONS.kafka}`);
  if (missing.length > 0) {
    throw new StepError('up', `not installed: ${missing.join(', ')}; run \`npm run testenv -- install\` first`);
  }
}

/** The controller-manager's service-account controller has run once the `default` ServiceAccount exists. */
async function waitForControllers(l: Layout): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await adminProbe(l, '/api/v1/namespaces/default/serviceaccounts/default'))) {
    if (Date.now() > deadline) {
      throw new StepError('start kube-controller-manager', 'the default ServiceAccount did not appear within 60s');
    }
    await sleep(250);
  }
}

function linkTools(l: Layout): void {
  mkdirSync(l.binDir, { recursive: true });
  const tools: Array<[string, string, string]> = [
    ['kubectl', binaries.kube('kubectl'), cacheDirs.kube()],
    ['helm', binaries.helm(), cacheDirs.helm()],
  ];
  for (const [name, target, dir] of tools) {
    const link = join(l.binDir, name);
    rmSync(link, { force: true });
    if (isComplete(dir)) symlinkSync(target, link);
  }
}

async function upKube(l: Layout, record: (name: string, outcome: EnsureOutcome) => void): Promise<void> {
  const pki = ensureClusterPki(l.stateDir);
  writeKubeconfig(l.kubeconfig, {
    server: apiserverUrl(l),
    caPem: readPem(pki.caCert),
    clientCertPem: readPem(pki.adminCert),
    clientKeyPem: readPem(pki.adminKey),
  });
  record(etcd.name, await ensureRunning(l, etcd));
  record(kubeApiserver.name, await ensureRunning(l, kubeApiserver));
  const outcomes = await Promise.all([ensureRunning(l, kubeControllerManager), ensureRunning(l, kubeScheduler)]);
  record(kubeControllerManager.name, outcomes[0]);
  record(kubeScheduler.name, outcomes[1]);
  await waitForControllers(l);
}

function runningComponents(l: Layout): string[] {
  return COMPONENTS.filter((c) => {
    const r = readPidRecord(l.stateDir, c.name);
    return r !== undefined && isRunning(r);
  }).map((c) => c.name);
}

/** Runs `job` holding the state directory's lock (the one `up` and `down` take). */
export function withStateLock<T>(job: () => Promise<T>): Promise<T> {
  const l = layout(stateRoot());
  mkdirSync(l.stateDir, { recursive: true, mode: 0o700 });
  return withLock(lockFile(l), job);
}

/** Starts (or reuses) the requested servers and writes kubeconfig, env file and state file. */
export async function up(options: UpOptions): Promise<UpResult> {
  requireInstalled(options);
  const l = layout(stateRoot());
  mkdirSync(l.stateDir, { recursive: true, mode: 0o700 });
  return withLock(lockFile(l), async () => {
    const started: string[] = [];
    const reused: string[] = [];
    const record = (name: string, outcome: EnsureOutcome): void => {
      (outcome === 'started' ? started : reused).push(name);
    };
    const jobs: Array<Promise<void>> = [];
    if (options.kube) jobs.push(upKube(l, record));
    if (options.kafka) jobs.push(ensureRunning(l, kafka).then((o) => record(kafka.name, o)));
    const results = await Promise.allSettled(jobs);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    linkTools(l);
    const running = runningComponents(l);
    const state: TestEnvState = {
      stateDir: l.stateDir,
      binDir: l.binDir,
      components: running,
      updatedAt: new Date().toISOString(),
    };
    if (running.includes(kubeApiserver.name)) state.kubeconfig = l.kubeconfig;
    if (running.includes(etcd.name)) state.etcdEndpoints = `http://${HOST}:${l.ports.etcdClient}`;
    if (running.includes(kafka.name)) state.kafkaBrokers = kafkaBrokers(l);
    writeState(l, state);
    if (failure) throw failure.reason;
    return { state, started, reused };
  });
}

/** Our servers' processes, even without PID files (found by their command-line marker and executable). */
function leftovers(l: Layout): number[] {
  return COMPONENTS.flatMap((c) => findServerProcesses(c.marker(l), c.command(l).command));
}

/** Stops every server of the environment (recorded PIDs first, then any leftover) and deletes its state and data. */
export async function down(): Promise<string[]> {
  const l = layout(stateRoot());
  // Even without a state dir (deleted by hand), servers started from it may still run: look for them too.
  return withLock(lockFile(l), async () => {
    const stopped: string[] = [];
    for (const c of [...COMPONENTS].reverse()) {
      if (await stopRecorded(l.stateDir, c.name)) stopped.push(c.name);
    }
    for (const pid of leftovers(l)) {
      await stopPid(pid);
      stopped.push(`PID ${pid}`);
    }
    rmSync(l.stateDir, { recursive: true, force: true });
    return stopped;
  });
}

export interface ComponentStatus {
  name: string;
  state: 'running' | 'stopped' | 'stale';
  healthy: boolean;
  pid?: number;
  ports: number[];
  rssKiB?: number;
  peakKiB?: number;
  logFile: string;
}

async function statusOf(l: Layout, c: Component): Promise<ComponentStatus> {
  const r = readPidRecord(l.stateDir, c.name);
  const base = { name: c.name, ports: c.ports(l).map((p) => p.port), logFile: l.logFile(c.name) };
  if (!r) return { ...base, state: 'stopped', healthy: false };
  if (!isRunning(r)) return { ...base, state: 'stale', healthy: false, pid: r.pid };
  const mem = memoryOf(r.pid);
  return { ...base, state: 'running', healthy: await c.healthy(l), pid: r.pid, rssKiB: mem?.rssKiB, peakKiB: mem?.peakKiB };
}

export async function status(): Promise<{ stateDir: string; components: ComponentStatus[]; state?: TestEnvState }> {
  const l = layout(stateRoot());
  const components = await Promise.all(COMPONENTS.map((c) => statusOf(l, c)));
  return { stateDir: l.stateDir, components, state: readState(l) };
}

export function currentState(): TestEnvState | undefined {
  return readState(layout(stateRoot()));
}

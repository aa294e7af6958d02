import { mkdirSync } from 'node:fs';
import type { Component } from './components/component';
import { serverEnv } from './components/component';
import { StepError } from './errors';
import { tail } from './exec';
import type { Layout } from './layout';
import { info, warn } from './log';
import { assertPortsFree } from './ports';
import { findServerProcesses, isRunning, launch, readPidRecord, removePidRecord, stopPid } from './proc';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export type EnsureOutcome = 'reused' | 'started';

/** Stops servers of this environment left by an earlier run: a PID file whose server is unhealthy, or no PID file at all. */
async function stopStale(l: Layout, c: Component): Promise<void> {
  const record = readPidRecord(l.stateDir, c.name);
  if (record && isRunning(record)) {
    warn(`${c.name} (PID ${record.pid}) from an earlier run is not healthy; stopping it`);
    await stopPid(record.pid);
  }
  removePidRecord(l.stateDir, c.name);
  for (const pid of findServerProcesses(c.marker(l), c.command(l).command)) {
    warn(`${c.name}: stopping stale process ${pid} that has no PID file`);
    await stopPid(pid);
  }
}

async function waitHealthy(l: Layout, c: Component, pid: number): Promise<void> {
  const step = `start ${c.name}`;
  const deadline = Date.now() + c.startTimeoutMs;
  for (;;) {
    if (await c.healthy(l)) return;
    const record = readPidRecord(l.stateDir, c.name);
    if (!record || !isRunning(record)) {
      removePidRecord(l.stateDir, c.name);
      throw new StepError(step, `process ${pid} exited before becoming healthy; log: ${l.logFile(c.name)}`, tail(l.logFile(c.name)));
    }
    if (Date.now() > deadline) {
      await stopPid(pid);
      removePidRecord(l.stateDir, c.name);
      throw new StepError(
        step,
        `not healthy after ${c.startTimeoutMs / 1000}s (stopped it); log: ${l.logFile(c.name)}`,
        tail(l.logFile(c.name)),
      );
    }
    await sleep(250);
  }
}

/** Reuses the component if our recorded server is healthy; otherwise stops leftovers and starts it, then waits. */
export async function ensureRunning(l: Layout, c: Component): Promise<EnsureOutcome> {
  const record = readPidRecord(l.stateDir, c.name);
  if (record && isRunning(record) && (await c.healthy(l))) {
    info(`${c.name}: running (PID ${record.pid}), reusing`);
    return 'reused';
  }
  await stopStale(l, c);
  await assertPortsFree(`start ${c.name}`, c.ports(l));
  await c.prepare(l);
  mkdirSync(l.logDir, { recursive: true });
  const started = Date.now();
  const { command, args } = c.command(l);
  let pid: number;
  try {
    pid = launch(l.stateDir, {
      name: c.name,
      command,
      args,
      env: serverEnv(),
      cwd: l.stateDir,
      logFile: l.logFile(c.name),
      marker: c.marker(l),
    }).pid;
  } catch (err) {
    throw new StepError(`start ${c.name}`, err instanceof Error ? err.message : String(err));
  }
  await waitHealthy(l, c, pid);
  info(`${c.name}: healthy in ${((Date.now() - started) / 1000).toFixed(1)}s (PID ${pid})`);
  return 'started';
}

import { ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Started {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Milliseconds from spawn until `readyUrl` answered 200. */
  readonly readyMs: number;
  stop(): Promise<void>;
}

/** Spawns a process and waits (bounded) until `readyUrl` answers 200. */
export async function startAndWaitReady(command: string, args: readonly string[], readyUrl: string, timeoutMs = 30_000): Promise<Started> {
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(readyUrl)).status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
  if (Date.now() >= deadline) {
    child.kill('SIGKILL');
    throw new Error(`${readyUrl} not ready within ${timeoutMs} ms: ${stderr}`);
  }
  const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.pid === undefined) throw new Error(`${command} has no pid`);
  return { child, pid: child.pid, readyMs, stop: () => stop(child) };
}

export function stop(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** What a PID file records about a server we started. */
export interface PidRecord {
  name: string;
  pid: number;
  /** A string that must appear in /proc/<pid>/cmdline, so a recycled PID is never mistaken for our server. */
  marker: string;
  startedAt: string;
  logFile: string;
}

export interface LaunchSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  logFile: string;
  marker: string;
}

export function pidDir(stateDir: string): string {
  return join(stateDir, 'run');
}

function pidFile(stateDir: string, name: string): string {
  return join(pidDir(stateDir), `${name}.json`);
}

export function readPidRecord(stateDir: string, name: string): PidRecord | undefined {
  const file = pidFile(stateDir, name);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PidRecord;
  } catch {
    return undefined;
  }
}

export function removePidRecord(stateDir: string, name: string): void {
  rmSync(pidFile(stateDir, name), { force: true });
}

export function cmdline(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

/** True while `pid` runs (a zombie, exited but not yet reaped, counts as gone). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie (exited, not yet reaped) still answers signal 0; treat it as gone.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

/** True when the recorded process still runs and is the one we started. */
export function isRunning(record: PidRecord): boolean {
  return isAlive(record.pid) && (cmdline(record.pid)?.includes(record.marker) ?? false);
}

/** Starts a server detached in its own process group, output to its log file, and records its PID. */
export function launch(stateDir: string, spec: LaunchSpec): PidRecord {
  mkdirSync(pidDir(stateDir), { recursive: true });
  const fd = openSync(spec.logFile, 'a');
  try {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    if (child.pid === undefined) throw new Error(`could not start ${spec.command}`);
    child.unref();
    const record: PidRecord = {
      name: spec.name,
      pid: child.pid,
      marker: spec.marker,
      startedAt: new Date().toISOString(),
      logFile: spec.logFile,
    };
    writeFileSync(pidFile(stateDir, spec.name), `${JSON.stringify(record, null, 2)}\n`);
    return record;
  } finally {
    closeSync(fd);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig); // the whole process group (servers are group leaders)
  } catch {
    try {
      process.kill(pid, sig);
    } catch {
      // already gone
    }
  }
}

/** Stops a process (TERM, then KILL after `graceMs`) and waits until it is gone. */
export async function stopPid(pid: number, graceMs = 10_000): Promise<void> {
  if (!isAlive(pid)) return;
  signal(pid, 'SIGTERM');
  signal(pid, 'SIGCONT'); // a stopped (SIGSTOP) server only acts on TERM once continued
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) {
    signal(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(50);
  }
}

/** Stops the recorded server if it is still ours; always removes the PID file. Returns true if a process was stopped. */
export async function stopRecorded(stateDir: string, name: string): Promise<boolean> {
  const record = readPidRecord(stateDir, name);
  if (!record) return false;
  const running = isRunning(record);
  if (running) await stopPid(record.pid);
  removePidRecord(stateDir, name);
  return running;
}

/**
 * PIDs of processes running `command` (compared by executable name) whose command line mentions `marker`: finds our
 * servers whose PID files were lost, without ever matching e.g. an editor or `tail` that mentions the same paths.
 */
export function findServerProcesses(marker: string, command: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid || !(cmdline(pid)?.includes(marker) ?? false)) continue;
    try {
      if (basename(readlinkSync(`/proc/${pid}/exe`)) === basename(command)) found.push(pid);
    } catch {
      // exited meanwhile, or not ours to inspect
    }
  }
  return found;
}

/** Resident memory of a process in KiB: current (VmRSS) and peak (VmHWM). */
export function memoryOf(pid: number): { rssKiB: number; peakKiB: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rssKiB: field('VmRSS'), peakKiB: field('VmHWM') };
  } catch {
    return undefined;
  }
}

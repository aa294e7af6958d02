import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from './proc';

/**
 * Test runs using the environment hold a lease (a file named by their PID) so that the run which started the
 * environment takes it down only when no other run still uses it.
 */
const leaseDir = (stateDir: string): string => join(stateDir, 'leases');
const ownerFile = (stateDir: string): string => join(stateDir, 'started-by-test-run');

export function takeLease(stateDir: string, pid = process.pid): void {
  mkdirSync(leaseDir(stateDir), { recursive: true });
  writeFileSync(join(leaseDir(stateDir), String(pid)), new Date().toISOString());
}

export function dropLease(stateDir: string, pid = process.pid): void {
  rmSync(join(leaseDir(stateDir), String(pid)), { force: true });
}

/** PIDs of other live processes holding a lease (leases of dead processes are removed). */
export function otherLeaseHolders(stateDir: string, pid = process.pid): number[] {
  if (!existsSync(leaseDir(stateDir))) return [];
  const holders: number[] = [];
  for (const name of readdirSync(leaseDir(stateDir))) {
    const holder = Number(name);
    if (!Number.isInteger(holder) || holder === pid) continue;
    if (isAlive(holder)) holders.push(holder);
    else rmSync(join(leaseDir(stateDir), name), { force: true });
  }
  return holders;
}

/** Marks the environment as brought up by a test run (so a test run may also take it down). */
export function markStartedByTestRun(stateDir: string): void {
  writeFileSync(ownerFile(stateDir), String(process.pid));
}

export function wasStartedByTestRun(stateDir: string): boolean {
  return existsSync(ownerFile(stateDir));
}

/** `testenv up` from the command line takes ownership: test runs then never take the environment down. */
export function clearStartedByTestRun(stateDir: string): void {
  rmSync(ownerFile(stateDir), { force: true });
}

import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MARKER = '.complete';

/** True when a cache directory was fully populated by an earlier install. */
export function isComplete(dir: string): boolean {
  return existsSync(join(dir, MARKER));
}

/**
 * Populates a versioned cache directory atomically: `fill` writes into a temporary sibling which is renamed into place
 * only when it succeeds, so an interrupted install never leaves a half-filled entry that looks complete.
 */
export async function fillCacheEntry(dir: string, fill: (tmpDir: string) => Promise<void>): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    await fill(tmp);
    writeFileSync(join(tmp, MARKER), `${new Date().toISOString()}\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

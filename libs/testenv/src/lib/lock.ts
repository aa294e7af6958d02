import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { StepError } from './errors';
import { info } from './log';
import { isAlive } from './proc';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function holder(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Serialises `up`/`down` of one state directory across processes (e.g. parallel Jest runs). */
export async function withLock<T>(file: string, job: () => Promise<T>, timeoutMs = 10 * 60_000): Promise<T> {
  mkdirSync(dirname(file), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch {
      const pid = holder(file);
      if (pid === undefined || !isAlive(pid)) {
        rmSync(file, { force: true }); // left by a process that died
        continue;
      }
      if (Date.now() > deadline) throw new StepError('lock state directory', `${file} is held by PID ${pid}`);
      if (!announced) info(`waiting for PID ${pid} (holds ${file})`);
      announced = true;
      await sleep(250);
    }
  }
  try {
    return await job();
  } finally {
    rmSync(file, { force: true });
  }
}

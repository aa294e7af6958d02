import { readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces; fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / CLOCK_TICKS_PER_SECOND;
}

/** Resident and peak resident memory in MiB, from /proc/<pid>/status. */
export function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** Samples a process while `work` runs: CPU seconds used during it and the peak RSS seen. */
export async function measureDuring<T>(pid: number, work: () => Promise<T>, sampleMs = 100): Promise<{ result: T; cpuSeconds: number; peakRssMiB: number }> {
  const cpuBefore = cpuSeconds(pid);
  let peak = memoryMiB(pid).rss;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, memoryMiB(pid).rss);
    } catch {
      // the process exited; keep the last reading
    }
  }, sampleMs);
  try {
    const result = await work();
    return { result, cpuSeconds: cpuSeconds(pid) - cpuBefore, peakRssMiB: Math.max(peak, memoryMiB(pid).rss) };
  } finally {
    clearInterval(timer);
  }
}

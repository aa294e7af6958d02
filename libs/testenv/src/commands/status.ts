import { status } from '../lib/environment';

const mib = (kib: number | undefined): string => (kib === undefined ? '-' : `${(kib / 1024).toFixed(0)}MiB`);

export async function statusCommand(flags: Set<string>): Promise<number> {
  const result = await status();
  if (flags.has('--json')) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const rows = [['COMPONENT', 'STATE', 'HEALTHY', 'PID', 'PORTS', 'RSS', 'PEAK-RSS']];
    for (const c of result.components) {
      rows.push([c.name, c.state, c.healthy ? 'yes' : 'no', String(c.pid ?? '-'), c.ports.join(','), mib(c.rssKiB), mib(c.peakKiB)]);
    }
    const total = result.components.reduce((sum, c) => sum + (c.rssKiB ?? 0), 0);
    const peak = result.components.reduce((sum, c) => sum + (c.peakKiB ?? 0), 0);
    rows.push(['total', '', '', '', '', mib(total), mib(peak)]);
    const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
    for (const row of rows) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()}\n`);
    process.stdout.write(`state: ${result.stateDir}\n`);
  }
  const running = result.components.filter((c) => c.state === 'running');
  return running.length > 0 && running.every((c) => c.healthy) ? 0 : 3;
}

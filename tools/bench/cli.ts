/**
 * `npm run bench -- <name>`: runs tools/bench/<name>.ts. Each benchmark starts what it needs, runs its baseline in
 * the same invocation, and prints one line per figure. Without a name, lists the benchmarks.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const available = readdirSync(__dirname)
  .filter((file) => file.endsWith('.ts') && file !== 'cli.ts' && !file.endsWith('.spec.ts'))
  .map((file) => file.replace(/\.ts$/, ''))
  .sort();
const name = process.argv[2];
if (!name || !available.includes(name)) {
  process.stdout.write(`usage: npm run bench -- <name> [args]\nbenchmarks: ${available.join(', ')}\n`);
  process.exit(name ? 2 : 0);
}
const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), '--tsconfig', join(__dirname, '../../tsconfig.base.json'), join(__dirname, `${name}.ts`), ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(result.status ?? 1);

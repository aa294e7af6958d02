/**
 * `npm start`: the local mesh. Runs every control-plane component and the gateways as local processes from their
 * bundles in dist/, each on its own ports (Istio's where they are free on one machine), prints where each listens,
 * waits until each `/ready` answers 200, and stops them all on Ctrl-C / SIGTERM.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LOCAL_MESH } from './processes';

const root = join(__dirname, '../..');
const children: { name: string; child: ChildProcess }[] = [];

async function waitReady(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status === 200) return true;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return false;
}

async function stopAll(signal: NodeJS.Signals): Promise<void> {
  process.stdout.write(`\nstopping ${children.length} processes (${signal})...\n`);
  const exits = children.map(({ child }) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve))));
  for (const { child } of children) child.kill('SIGTERM');
  const forced = setTimeout(() => children.forEach(({ child }) => child.kill('SIGKILL')), 4000);
  await Promise.all(exits);
  clearTimeout(forced);
  process.exit(0);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stopAll('SIGINT'));
  process.on('SIGTERM', () => void stopAll('SIGTERM'));
  for (const spec of LOCAL_MESH) {
    const child = spawn(process.execPath, [join(root, 'dist', 'apps', spec.app, 'main.js'), ...spec.args], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...spec.env },
    });
    child.once('exit', (code, signal) => process.stdout.write(`${spec.name} exited (${signal ?? code})\n`));
    children.push({ name: spec.name, child });
  }
  const results = await Promise.all(LOCAL_MESH.map(async (spec) => ({ spec, ready: await waitReady(spec.readyUrl, 30_000) })));
  process.stdout.write('\nIsthmus local mesh:\n');
  for (const { spec, ready } of results) {
    process.stdout.write(`  ${spec.name.padEnd(22)} ${ready ? 'ready    ' : 'NOT READY'} ${spec.listens}\n`);
  }
  process.stdout.write('\nPress Ctrl-C to stop.\n');
}

void main();

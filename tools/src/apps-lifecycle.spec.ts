import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '@isthmus/runtime/testing';

const root = join(__dirname, '../..');

async function waitFor(url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fetch(url);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    }
  }
}

const ops = (port: number) => `127.0.0.1:${port}`;
const cases: [string, (port: number) => string[]][] = [
  ['pilot', (port) => ['discovery', '--monitoringAddr', ops(port), '--grpcAddr', '127.0.0.1:0', '--secureGrpcAddr', '', '--httpAddr', '127.0.0.1:0', '--registries', 'Memory']],
  ['citadel', (port) => ['--monitoring-port', ops(port), '--grpc-port', '127.0.0.1:0']],
  ['mixer', (port) => ['server', '--monitoringPort', ops(port), '--address', '127.0.0.1:0']],
  ['sidecar-injector', (port) => ['--monitoringPort', ops(port)]],
];

/** Each long-running app, started as users start it (the bin), serves its ops endpoints and stops cleanly on SIGTERM. */
describe.each(cases)('%s process', (app, args) => {
  it('answers /healthz, /ready, /metrics and /version, then exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [join(root, 'bin', `${app}.js`), ...args(port), '--shutdownDrainDuration', '0s'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    child.stdout?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const base = `http://127.0.0.1:${port}`;
      expect((await waitFor(`${base}/healthz`, 20_000)).status).toBe(200);
      expect((await fetch(`${base}/ready`)).status).toBe(200);
      expect(await (await fetch(`${base}/metrics`)).text()).toContain('isthmus_build_info{');
      expect(await (await fetch(`${base}/version`)).json()).toMatchObject({ istioCompat: '1.3' });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const lines = logs.trim().split('\n').map((line) => JSON.parse(line) as { msg: string; component: string });
      expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['shutting down', 'shutdown complete']));
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { McpSinkClient } from '@isthmus/mcp';
import { LogScopes } from '@isthmus/runtime';
import { freePort } from '@isthmus/runtime/testing';

const root = join(__dirname, '../../..');

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `galley server --configPath` started from its bin, as the local mesh runs it. */
describe('galley process in local mode', () => {
  it('serves the config directory over MCP, reports ready, and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'galley-process-'));
    writeFileSync(join(dir, 'se.yaml'), 'apiVersion: networking.istio.io/v1alpha3\nkind: ServiceEntry\nmetadata: {name: iex}\nspec:\n  hosts: [cloud.iexapis.com]\n  ports: [{number: 443, name: https, protocol: HTTPS}]\n  resolution: DNS\n  location: MESH_EXTERNAL\n');
    const [mcpPort, opsPort] = [await freePort(), await freePort()];
    const args = ['server', '--configPath', dir, '--insecure', '--enable-validation=false', '--server-address', `tcp://127.0.0.1:${mcpPort}`, '--monitoringPort', `127.0.0.1:${opsPort}`, '--shutdownDrainDuration', '0s'];
    const child = spawn(process.execPath, [join(root, 'bin', 'galley.js'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let logs = '';
    child.stdout?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const se = { collection: 'istio/networking/v1alpha3/serviceentries', decode: (body: unknown) => body };
    const sink = new McpSinkClient({ address: `127.0.0.1:${mcpPort}`, sinkId: 'test', collections: [se], apply: () => undefined, logger: new LogScopes('t', new Map([['default', 'fatal']])).root, backoff: { initialMs: 50, maxMs: 500 } });
    try {
      await until('ready', async () => ((await fetch(`http://127.0.0.1:${opsPort}/ready`)).status === 200 ? true : undefined));
      sink.start();
      await sink.synced();
      expect([...sink.resources(se).keys()]).toEqual(['default/iex']);
      const debug = (await (await fetch(`http://127.0.0.1:${opsPort}/debug/mcp`)).json()) as { sinks: { sinkId: string }[] };
      expect(debug.sinks.map((s) => s.sinkId)).toEqual(['test']);
      const metrics = await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text();
      expect(metrics).toContain('galley_collection_resources{collection="istio/networking/v1alpha3/serviceentries"} 1');
      expect(metrics).toContain('galley_mcp_source_clients_total 1');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- galley logs ---\n${logs}`);
    } finally {
      sink.stop();
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

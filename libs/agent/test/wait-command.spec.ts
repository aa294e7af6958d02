import { runCliCaptured } from '@isthmus/runtime/testing';
import { createStatusServer, ProxyReadiness } from '../src/status/status-server';
import { createWaitCommand } from '../src/status/wait-command';

async function runWait(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const cli = createWaitCommand({ stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
  const result = await runCliCaptured(cli, argv);
  return { code: result.code, stdout: stdout + result.stdout, stderr: stderr + result.stderr };
}

describe('wait (postStart hook) against a real status server', () => {
  let readiness: ProxyReadiness = { ready: false, reason: 'listeners not bound' };
  const status = createStatusServer({ readiness: () => readiness });
  let url: string;

  beforeAll(async () => {
    url = `http://127.0.0.1:${await status.listen({ host: '127.0.0.1', port: 0 })}/healthz/ready`;
  });
  afterAll(() => status.close());

  it('returns 0 once the proxy becomes ready', async () => {
    readiness = { ready: false, reason: 'listeners not bound' };
    setTimeout(() => (readiness = { ready: true }), 300);
    const result = await runWait(['--url', url, '--periodMillis', '50', '--timeoutSeconds', '10']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ready after \d+ attempt/);
  });

  it('returns 1 with the last reason when the proxy stays unready', async () => {
    readiness = { ready: false, reason: 'no CDS received' };
    const result = await runWait(['--url', url, '--periodMillis', '100', '--timeoutSeconds', '1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('503 not ready: no CDS received');
  });

  it('rejects a malformed URL with exit 2', async () => {
    expect((await runWait(['--url', 'not a url'])).code).toBe(2);
  });
});

import { runCliCaptured } from '@isthmus/runtime/testing';
import { injectorCommand } from './cli';

describe('sidecar-injector command line', () => {
  it('lists every flag with its default in --help', async () => {
    const { code, stdout } = await runCliCaptured(injectorCommand, ['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--port int');
    expect(stdout).toContain('(default 443)');
    expect(stdout).toContain('--injectConfig');
    expect(stdout).toContain('--tlsCertFile');
  });

  it('rejects bad input with exit 2 and one line naming the problem', async () => {
    const { code, stderr } = await runCliCaptured(injectorCommand, ['--port', 'https']);
    expect(code).toBe(2);
    expect(stderr).toContain('invalid value "https" for flag --port');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

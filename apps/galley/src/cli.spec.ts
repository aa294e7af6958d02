import { runCliCaptured } from '@isthmus/runtime/testing';
import { galleyCommand } from './cli';

describe('galley command line', () => {
  it('lists every flag with its default in --help', async () => {
    const { code, stdout } = await runCliCaptured(galleyCommand, ['server', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--server-address');
    expect(stdout).toContain('(default "tcp://0.0.0.0:9901")');
    expect(stdout).toContain('--validation-port int');
    expect(stdout).toContain('--configPath');
    expect(stdout).toContain('--enable-validation');
    expect(stdout).toContain('--enable-server');
  });

  it('rejects bad input with exit 2 and one line naming the problem', async () => {
    const { code, stderr } = await runCliCaptured(galleyCommand, ['server', '--validation-port', '0']);
    expect(code).toBe(2);
    expect(stderr).toContain('expected an integer from 1 to 65535');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

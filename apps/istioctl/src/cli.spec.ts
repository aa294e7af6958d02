import { runCliCaptured } from '@isthmus/runtime/testing';
import { istioctlCommand } from './cli';

describe('istioctl command line', () => {
  it('lists every flag with its default in --help', async () => {
    const { code, stdout } = await runCliCaptured(istioctlCommand, ['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('version');
  });

  it('rejects bad input with exit 2 and one line naming the problem', async () => {
    const { code, stderr } = await runCliCaptured(istioctlCommand, ['versio']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "versio"');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

import { runCliCaptured } from '@isthmus/runtime/testing';
import { mixerCommand } from './cli';

describe('mixer command line', () => {
  it('lists every flag with its default in --help', async () => {
    const { code, stdout } = await runCliCaptured(mixerCommand, ['server', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--address');
    expect(stdout).toContain('(default ":9091")');
    expect(stdout).toContain('--configStoreURL');
    expect(stdout).toContain('--kafkaBrokers');
  });

  it('rejects bad input with exit 2 and one line naming the problem', async () => {
    const { code, stderr } = await runCliCaptured(mixerCommand, ['server', '--nope']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown flag --nope');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

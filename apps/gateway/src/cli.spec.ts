import { runCliCaptured } from '@isthmus/runtime/testing';
import { gatewayCommand } from './cli';

describe('gateway command line', () => {
  it('lists every flag with its default in --help', async () => {
    const { code, stdout } = await runCliCaptured(gatewayCommand, ['proxy', 'sidecar', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--discoveryAddress');
    expect(stdout).toContain('--serviceCluster');
    expect(stdout).toContain('--statusPort int');
    expect(stdout).toContain('(default 15020)');
    expect(stdout).toContain('--proxyAdminPort');
    expect(stdout).toContain('--concurrency');
    expect(stdout).toContain('--drainDuration duration');
    expect(stdout).toContain('(default 45s)');
    expect(stdout).toContain('--parentShutdownDuration');
    expect(stdout).toContain('(default 1m0s)');
  });

  it('rejects bad input with exit 2 and one line naming the problem', async () => {
    const { code, stderr } = await runCliCaptured(gatewayCommand, ['proxy', 'router', '--drainDuration', 'soon']);
    expect(code).toBe(2);
    expect(stderr).toContain('invalid value "soon" for flag --drainDuration');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

import { runCliCaptured } from '@isthmus/runtime/testing';
import { citadelCommand } from './cli';

describe('citadel command line', () => {
  it('lists every flag with its default in --help', async () => {
    const { code, stdout } = await runCliCaptured(citadelCommand, ['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--grpc-port');
    expect(stdout).toContain('(default ":8060")');
    expect(stdout).toContain('--workload-cert-ttl duration');
    expect(stdout).toContain('(default 2160h0m0s)');
    expect(stdout).toContain('--trust-domain');
  });

  it('rejects bad input with exit 2 and one line naming the problem', async () => {
    const { code, stderr } = await runCliCaptured(citadelCommand, ['--workload-cert-ttl', '90d']);
    expect(code).toBe(2);
    expect(stderr).toContain('invalid value "90d" for flag --workload-cert-ttl: expected a duration');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

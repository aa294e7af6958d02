import { runCliCaptured } from '@isthmus/runtime/testing';
import { pilotCommand } from './cli';

describe('pilot command line', () => {
  it('lists every flag with its default in --help', async () => {
    const { code, stdout } = await runCliCaptured(pilotCommand, ['discovery', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--grpcAddr string');
    expect(stdout).toContain('(default ":15010")');
    expect(stdout).toContain('--monitoringAddr');
    expect(stdout).toContain('--configDir');
    expect(stdout).toContain('--registries strings');
    expect(stdout).toContain('--meshConfig');
    expect(stdout).toContain('--kubeconfig');
  });

  it('rejects bad input with exit 2 and one line naming the problem', async () => {
    const { code, stderr } = await runCliCaptured(pilotCommand, ['discovery', '--grpcAddr']);
    expect(code).toBe(2);
    expect(stderr).toContain('flag --grpcAddr needs a value');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

import { runCliCaptured } from '@isthmus/runtime/testing';
import { galleyCommand } from './cli';

describe('galley command line', () => {
  it('lists every flag with its default in --help', async () => {
    const { code, stdout } = await runCliCaptured(galleyCommand, ['server', '--help']);
    expect(code).toBe(0);
    for (const flag of ['--server-address', '--validation-port int', '--configPath', '--enable-validation', '--enable-server', '--kubeconfig', '--tlsCertFile', '--tlsKeyFile', '--caCertFile', '--insecure', '--enable-reconcileWebhookConfiguration', '--kafkaBrokers', '--debounce-quiet']) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toContain('(default "tcp://0.0.0.0:9901")');
    expect(stdout).toContain('(default "isthmus.config.events")');
  });

  it('rejects bad input with exit 2 and one line naming the problem', async () => {
    const { code, stderr } = await runCliCaptured(galleyCommand, ['server', '--validation-port', '0']);
    expect(code).toBe(2);
    expect(stderr).toContain('expected an integer from 1 to 65535');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

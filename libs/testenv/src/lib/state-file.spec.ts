import { renderEnvFile } from './state-file';

describe('renderEnvFile', () => {
  it('exports what runs, single-quoted, and prepends the bin dir to PATH', () => {
    const text = renderEnvFile({
      stateDir: "/tmp/it's",
      binDir: '/tmp/bin',
      kubeconfig: '/tmp/kubeconfig',
      kafkaBrokers: '127.0.0.1:29092',
      components: ['kafka'],
      updatedAt: '',
    });
    expect(text).toBe(
      [
        `export ISTHMUS_TESTENV_STATE='/tmp/it'\\''s'`,
        `export KUBECONFIG='/tmp/kubeconfig'`,
        `export KAFKA_BROKERS='127.0.0.1:29092'`,
        `export PATH='/tmp/bin':"$PATH"`,
        '',
      ].join('\n'),
    );
  });
});

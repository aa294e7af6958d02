import { downCommand } from './commands/down';
import { envCommand } from './commands/env';
import { installCommand } from './commands/install';
import { statusCommand } from './commands/status';
import { upCommand } from './commands/up';
import { messageOf, StepError } from './lib/errors';

const USAGE = `usage: testenv <command> [flags]

commands:
  install   build/resolve Kubernetes, etcd, helm (Go) and Kafka (Maven) into the version-keyed cache
            flags: --no-kube --no-kafka --no-helm
  up        start (or reuse) etcd, kube-apiserver, kube-controller-manager, kube-scheduler and Kafka on loopback
            flags: --no-kube --no-kafka --install (install first if needed)
  down      stop every server of the environment and delete its state
  status    show what runs (exit 0 when everything running is healthy, 3 otherwise); flags: --json
  env       print shell exports (KUBECONFIG, KAFKA_BROKERS, ETCD_ENDPOINTS, PATH) for eval

environment: ISTHMUS_CACHE_DIR (binary cache, default ~/.cache/isthmus), ISTHMUS_TESTENV_STATE (state dir,
default <cache>/testenv-state), ISTHMUS_TESTENV_PORT_OFFSET (shift every port)
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const flags = new Set(rest);
  switch (command) {
    case 'install':
      await installCommand(flags);
      return 0;
    case 'up':
      await upCommand(flags);
      return 0;
    case 'down':
      await downCommand();
      return 0;
    case 'status':
      return statusCommand(flags);
    case 'env':
      envCommand();
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`unknown command: ${command}\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof StepError) {
      process.stderr.write(`[testenv] FAILED at step "${err.step}": ${err.reason}\n`);
      if (err.details) process.stderr.write(`${err.details.replace(/^/gm, '    | ')}\n`);
    } else {
      process.stderr.write(`[testenv] FAILED: ${messageOf(err)}\n`);
      if (err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    }
    process.exit(1);
  },
);

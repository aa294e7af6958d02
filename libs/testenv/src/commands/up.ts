import { up } from '../lib/environment';
import { install } from '../lib/install/install';
import { clearStartedByTestRun } from '../lib/leases';
import { info } from '../lib/log';

export async function upCommand(flags: Set<string>): Promise<void> {
  const options = { kube: !flags.has('--no-kube'), kafka: !flags.has('--no-kafka') };
  const started = Date.now();
  if (flags.has('--install')) await install({ ...options, helm: options.kube });
  const result = await up(options);
  clearStartedByTestRun(result.state.stateDir);
  info(
    `ready in ${((Date.now() - started) / 1000).toFixed(1)}s` +
      ` (started: ${result.started.join(', ') || 'none'}; reused: ${result.reused.join(', ') || 'none'})`,
  );
  info(`use it: eval "$(npm run -s testenv -- env)"   or   source ${result.state.stateDir}/env.sh`);
}

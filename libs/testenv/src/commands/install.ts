import { install } from '../lib/install/install';
import { info } from '../lib/log';
import { cacheRoot } from '../lib/paths';

export async function installCommand(flags: Set<string>): Promise<void> {
  const started = Date.now();
  info(`installing into ${cacheRoot()}`);
  await install({ kube: !flags.has('--no-kube'), kafka: !flags.has('--no-kafka'), helm: !flags.has('--no-helm') });
  info(`install done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

import { join } from 'node:path';
import { withLock } from '../lock';
import { info } from '../log';
import { cacheRoot } from '../paths';
import { installEtcd, installHelm, installKube } from './go-build';
import { installKafka } from './maven';

export interface InstallOptions {
  kube: boolean;
  kafka: boolean;
  helm: boolean;
}

async function timed(name: string, job: () => Promise<boolean>): Promise<void> {
  const started = Date.now();
  const built = await job();
  if (built) info(`${name}: installed in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

/**
 * Builds/resolves everything into the versioned cache. The Go builds run one after another (each already uses every
 * core); the Maven resolution runs beside them. Throws a StepError naming the failed step.
 */
export async function install(options: InstallOptions): Promise<void> {
  // Parallel test runs on a cold machine: one builds, the others wait and then find the cache filled.
  await withLock(join(cacheRoot(), 'install.lock'), () => installUnlocked(options), 60 * 60_000);
}

async function installUnlocked(options: InstallOptions): Promise<void> {
  const goBuilds = async (): Promise<void> => {
    if (options.kube) {
      await timed('etcd', installEtcd);
      await timed('kubernetes', installKube);
    }
    if (options.helm) await timed('helm', installHelm);
  };
  const results = await Promise.allSettled([goBuilds(), options.kafka ? timed('kafka', installKafka) : Promise.resolve()]);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}

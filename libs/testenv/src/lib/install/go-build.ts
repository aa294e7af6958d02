import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { StepError } from '../errors';
import { run } from '../exec';
import { cacheDirs, toolsDir } from '../paths';
import { KUBE_BINARIES, VERSIONS } from '../versions';
import { fillCacheEntry, isComplete } from './cache-entry';

const MIN_GO_MINOR = 26;

/** Fails early, with the step named, when no Go toolchain new enough for k8s.io/kubernetes is on PATH. */
export function checkGo(): void {
  let version: string;
  try {
    version = execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim();
  } catch {
    throw new StepError('check go toolchain', `\`go\` not found on PATH (need Go >= 1.${MIN_GO_MINOR})`);
  }
  const match = /^go1\.(\d+)/.exec(version);
  if (!match || Number(match[1]) < MIN_GO_MINOR) {
    throw new StepError('check go toolchain', `found ${version}, need Go >= 1.${MIN_GO_MINOR}`);
  }
}

function goEnv(): NodeJS.ProcessEnv {
  // GOTOOLCHAIN=local: never fetch another toolchain behind the user's back; a too-old Go fails with a clear message.
  return { ...process.env, CGO_ENABLED: '0', GOTOOLCHAIN: 'local' };
}

function kubeLdflags(): string {
  const version = VERSIONS.kubernetes;
  const [major, minor] = version.replace(/^v/, '').split('.');
  const vars: Record<string, string> = {
    gitVersion: version,
    gitMajor: major ?? '',
    gitMinor: minor ?? '',
    gitTreeState: 'clean',
  };
  const sets = Object.entries(vars).flatMap(([key, value]) => [
    `-X k8s.io/component-base/version.${key}=${value}`,
    `-X k8s.io/client-go/pkg/version.${key}=${value}`,
  ]);
  return ['-s', '-w', ...sets].join(' ');
}

async function goBuild(step: string, moduleDir: string, output: string, packages: string[], ldflags: string): Promise<void> {
  await run('go', ['build', '-mod=readonly', '-trimpath', `-ldflags=${ldflags}`, '-o', output, ...packages], {
    step,
    cwd: moduleDir,
    env: goEnv(),
    logFile: join(cacheDirs.logs(), `${step.replace(/[^a-z0-9.-]+/gi, '_')}.log`),
  });
}

export async function installKube(): Promise<boolean> {
  const dir = cacheDirs.kube();
  if (isComplete(dir)) return false;
  checkGo();
  const step = `build kubernetes ${VERSIONS.kubernetes}`;
  await fillCacheEntry(dir, (tmp) =>
    goBuild(step, join(toolsDir(), 'go', 'kube'), `${tmp}/`, KUBE_BINARIES.map((b) => `k8s.io/kubernetes/cmd/${b}`), kubeLdflags()),
  );
  return true;
}

export async function installEtcd(): Promise<boolean> {
  const dir = cacheDirs.etcd();
  if (isComplete(dir)) return false;
  checkGo();
  const step = `build etcd ${VERSIONS.etcd}`;
  await fillCacheEntry(dir, (tmp) =>
    goBuild(step, join(toolsDir(), 'go', 'kube'), join(tmp, 'etcd'), ['go.etcd.io/etcd/server/v3'], '-s -w'),
  );
  return true;
}

export async function installHelm(): Promise<boolean> {
  const dir = cacheDirs.helm();
  if (isComplete(dir)) return false;
  checkGo();
  const step = `build helm ${VERSIONS.helm}`;
  const ldflags = `-s -w -X helm.sh/helm/v3/internal/version.version=${VERSIONS.helm}`;
  await fillCacheEntry(dir, (tmp) =>
    goBuild(step, join(toolsDir(), 'go', 'helm'), join(tmp, 'helm'), ['helm.sh/helm/v3/cmd/helm'], ldflags),
  );
  return true;
}

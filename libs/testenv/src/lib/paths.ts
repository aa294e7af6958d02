import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { VERSIONS, type KubeBinary } from './versions';

/** Root of the binary cache, shared by all checkouts: $ISTHMUS_CACHE_DIR or ~/.cache/isthmus. */
export function cacheRoot(): string {
  return process.env['ISTHMUS_CACHE_DIR'] ?? join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'isthmus');
}

/** Directory holding the running environment's config, data, logs and PID files: $ISTHMUS_TESTENV_STATE or <cache>/testenv-state. */
export function stateRoot(): string {
  return resolve(process.env['ISTHMUS_TESTENV_STATE'] ?? join(cacheRoot(), 'testenv-state'));
}

/** The workspace root (the directory with nx.json) that contains this file. */
export function workspaceRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the workspace root (nx.json) above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

/** tools/testenv: go.mod files and pom.xml of the pinned builds. */
export function toolsDir(): string {
  return join(workspaceRoot(), 'tools', 'testenv');
}

export const cacheDirs = {
  kube: (): string => join(cacheRoot(), `k8s-${VERSIONS.kubernetes}`),
  etcd: (): string => join(cacheRoot(), `etcd-${VERSIONS.etcd}`),
  helm: (): string => join(cacheRoot(), `helm-${VERSIONS.helm}`),
  kafka: (): string => join(cacheRoot(), `kafka-${VERSIONS.kafka}`),
  logs: (): string => join(cacheRoot(), 'install-logs'),
};

export const binaries = {
  kube: (name: KubeBinary): string => join(cacheDirs.kube(), name),
  etcd: (): string => join(cacheDirs.etcd(), 'etcd'),
  helm: (): string => join(cacheDirs.helm(), 'helm'),
  kafkaLibs: (): string => join(cacheDirs.kafka(), 'libs'),
};

/** Directory to put on PATH for kubectl/helm (a bin dir of symlinks inside the state dir). */
export function stateBinDir(): string {
  return join(stateRoot(), 'bin');
}

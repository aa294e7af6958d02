import { execFileSync, spawnSync } from 'node:child_process';

/**
 * Fresh Linux network namespaces for tests that install real iptables rules: nothing outside the namespace is touched,
 * and it only has a loopback interface. Tests skip (with the reason) where namespaces or iptables are not available.
 */
export function netnsUnavailableReason(): string | undefined {
  if (process.platform !== 'linux') return 'not Linux';
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'needs root (ip netns, iptables)';
  for (const tool of ['ip', 'iptables', 'iptables-restore', 'iptables-save']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} is not installed (Debian: apt-get install iproute2 iptables)`;
  }
  const name = `isthmus-probe-${process.pid}`;
  const add = spawnSync('ip', ['netns', 'add', name], { encoding: 'utf8' });
  if (add.status !== 0) return `cannot create a network namespace: ${add.stderr.trim()}`;
  const nat = spawnSync('ip', ['netns', 'exec', name, 'iptables', '-t', 'nat', '-L', '-n'], { encoding: 'utf8' });
  spawnSync('ip', ['netns', 'del', name]);
  if (nat.status !== 0) return `iptables nat table not usable in a namespace: ${nat.stderr.trim()}`;
  return undefined;
}

export class NetworkNamespace {
  private constructor(readonly name: string) {}

  static create(prefix: string): NetworkNamespace {
    const name = `${prefix}-${process.pid}-${Math.random().toString(16).slice(2, 8)}`;
    execFileSync('ip', ['netns', 'add', name]);
    const namespace = new NetworkNamespace(name);
    namespace.exec('ip', ['link', 'set', 'lo', 'up']);
    return namespace;
  }

  /** Runs a command inside the namespace; throws with its stderr on failure. */
  exec(command: string, args: readonly string[], input?: string): string {
    return execFileSync('ip', ['netns', 'exec', this.name, command, ...args], { encoding: 'utf8', input });
  }

  /** argv prefix that runs a process inside the namespace (for spawn). */
  wrap(command: string, args: readonly string[]): [string, string[]] {
    return ['ip', ['netns', 'exec', this.name, command, ...args]];
  }

  delete(): void {
    spawnSync('ip', ['netns', 'del', this.name]);
  }
}

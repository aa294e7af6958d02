import type { LbPolicy } from '../config/types';
import type { Host } from './host';

/** Picks a host among the available ones; `hash` is set when the route has a hash policy (ring hash). */
export interface LoadBalancer {
  choose(hash: number | undefined, exclude?: ReadonlySet<Host>): Host | undefined;
}

/** 32-bit FNV-1a: cheap and well spread, used for ring positions and request hash keys. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index++) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  // Final avalanche so nearby keys land far apart on the ring.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}

/**
 * Builds the balancer for a set of available hosts. Called whenever membership, health or ejections change, never per
 * request; the hosts of the lowest priority that has any are used (Envoy's priority failover, without spillover).
 */
export function createLoadBalancer(policy: LbPolicy, allHosts: readonly Host[], options: { ringSize: number; choices: number }): LoadBalancer {
  const available = allHosts.filter((host) => host.available);
  const minPriority = available.reduce((min, host) => Math.min(min, host.priority), Number.POSITIVE_INFINITY);
  const hosts = available.filter((host) => host.priority === minPriority);
  if (hosts.length === 0) return { choose: () => undefined };
  switch (policy) {
    case 'RANDOM':
      return randomBalancer(hosts);
    case 'LEAST_REQUEST':
      return leastRequestBalancer(hosts, options.choices);
    case 'RING_HASH':
      return ringHashBalancer(hosts, options.ringSize);
    default:
      return roundRobinBalancer(hosts);
  }
}

function retryPick(hosts: readonly Host[], pick: () => Host, exclude?: ReadonlySet<Host>): Host {
  let host = pick();
  // Envoy's previous_hosts predicate: try a few times for a host not tried yet, else accept a repeat.
  for (let attempt = 0; exclude && exclude.has(host) && attempt < Math.min(5, hosts.length * 2); attempt++) host = pick();
  return host;
}

function roundRobinBalancer(hosts: readonly Host[]): LoadBalancer {
  const uniform = hosts.every((host) => host.weight === hosts[0].weight);
  if (uniform) {
    let next = Math.floor(Math.random() * hosts.length);
    const pick = () => hosts[next++ % hosts.length];
    return { choose: (_hash, exclude) => retryPick(hosts, pick, exclude) };
  }
  // Smooth weighted round robin (as nginx does): deterministic, interleaved, proportional to weights.
  const current = hosts.map(() => 0);
  const total = hosts.reduce((sum, host) => sum + host.weight, 0);
  const pick = () => {
    let best = 0;
    for (let index = 0; index < hosts.length; index++) {
      current[index] += hosts[index].weight;
      if (current[index] > current[best]) best = index;
    }
    current[best] -= total;
    return hosts[best];
  };
  return { choose: (_hash, exclude) => retryPick(hosts, pick, exclude) };
}

function randomBalancer(hosts: readonly Host[]): LoadBalancer {
  const total = hosts.reduce((sum, host) => sum + host.weight, 0);
  const pick = () => {
    let point = Math.random() * total;
    for (const host of hosts) {
      point -= host.weight;
      if (point < 0) return host;
    }
    return hosts[hosts.length - 1];
  };
  return { choose: (_hash, exclude) => retryPick(hosts, pick, exclude) };
}

/** Envoy's least request: the better of `choices` random picks by active requests (power of two choices). */
function leastRequestBalancer(hosts: readonly Host[], choices: number): LoadBalancer {
  const pick = () => {
    let best = hosts[Math.floor(Math.random() * hosts.length)];
    for (let index = 1; index < choices; index++) {
      const candidate = hosts[Math.floor(Math.random() * hosts.length)];
      if (candidate.activeRequests < best.activeRequests) best = candidate;
    }
    return best;
  };
  return { choose: (_hash, exclude) => retryPick(hosts, pick, exclude) };
}

/** Consistent hashing: each host owns points on a ring in proportion to its weight; a request takes the next point. */
function ringHashBalancer(hosts: readonly Host[], minimumSize: number): LoadBalancer {
  const totalWeight = hosts.reduce((sum, host) => sum + host.weight, 0);
  const size = Math.max(minimumSize, hosts.length);
  const points: { hash: number; host: Host }[] = [];
  for (const host of hosts) {
    const replicas = Math.max(1, Math.round((size * host.weight) / totalWeight));
    for (let index = 0; index < replicas; index++) points.push({ hash: hashString(`${host.key}_${index}`), host });
  }
  points.sort((a, b) => a.hash - b.hash);
  const hashes = Uint32Array.from(points.map((point) => point.hash));
  const lookup = (hash: number) => {
    let low = 0;
    let high = hashes.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (hashes[middle] < hash) low = middle + 1;
      else high = middle;
    }
    return points[low === hashes.length ? 0 : low].host;
  };
  return {
    choose: (hash, exclude) => {
      if (hash === undefined) return retryPick(hosts, () => hosts[Math.floor(Math.random() * hosts.length)], exclude);
      const host = lookup(hash);
      return exclude?.has(host) ? retryPick(hosts, () => hosts[Math.floor(Math.random() * hosts.length)], exclude) : host;
    },
  };
}

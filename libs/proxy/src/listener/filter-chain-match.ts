import { ipv4ToNumber, samePrefix } from '../config/cidr';
import type { CidrRange, FilterChainConfig } from '../config/types';

/** What is known about a connection when a filter chain is chosen. */
export interface ConnectionFacts {
  readonly destinationAddress: string;
  readonly destinationPort: number;
  readonly sourceAddress: string;
  readonly sourcePort: number;
  readonly serverName: string;
  readonly transportProtocol: string;
  readonly applicationProtocols: readonly string[];
}

/** Longest matching prefix length of `address` in `ranges`, or -1. */
function cidrMatch(ranges: readonly CidrRange[], address: string): number {
  const value = ipv4ToNumber(address);
  let best = -1;
  for (const range of ranges) {
    const base = ipv4ToNumber(range.address);
    if (base < 0 || value < 0) {
      if (range.address === address) best = Math.max(best, 128);
      continue;
    }
    if (samePrefix(value, base, range.prefixLength)) best = Math.max(best, range.prefixLength);
  }
  return best;
}

function serverNameScore(names: readonly string[], serverName: string): number {
  let best = -1;
  for (const name of names) {
    if (name === serverName) return Number.MAX_SAFE_INTEGER;
    if (name.startsWith('*.') && serverName.endsWith(name.slice(1))) best = Math.max(best, name.length);
  }
  return best;
}

/**
 * Envoy's filter chain selection: criteria in a fixed order (destination port, destination IP, server name,
 * transport protocol, application protocols, source IP, source port); at each step the most specific matching
 * chains survive, and chains without that criterion are kept only when no chain matches it specifically.
 */
export function selectFilterChain<T extends { readonly config: Pick<FilterChainConfig, 'match'> }>(chains: readonly T[], facts: ConnectionFacts): T | undefined {
  let candidates = chains;
  const narrow = (score: (chain: Pick<FilterChainConfig, 'match'>) => number | undefined) => {
    let best = -1;
    const scored: { chain: T; score: number }[] = [];
    for (const chain of candidates) {
      const value = score(chain.config);
      if (value === undefined) scored.push({ chain, score: 0 });
      else if (value >= 0) scored.push({ chain, score: value + 1 });
    }
    for (const entry of scored) best = Math.max(best, entry.score);
    candidates = scored.filter((entry) => entry.score === best).map((entry) => entry.chain);
  };
  narrow((chain) => (chain.match.destinationPort === undefined ? undefined : chain.match.destinationPort === facts.destinationPort ? 0 : -1));
  narrow((chain) => (chain.match.prefixRanges.length === 0 ? undefined : cidrMatch(chain.match.prefixRanges, facts.destinationAddress)));
  narrow((chain) => (chain.match.serverNames.length === 0 ? undefined : serverNameScore(chain.match.serverNames, facts.serverName)));
  narrow((chain) => (chain.match.transportProtocol === '' ? undefined : chain.match.transportProtocol === facts.transportProtocol ? 0 : -1));
  narrow((chain) =>
    chain.match.applicationProtocols.length === 0 ? undefined : chain.match.applicationProtocols.some((protocol) => facts.applicationProtocols.includes(protocol)) ? 0 : -1,
  );
  narrow((chain) => (chain.match.sourcePrefixRanges.length === 0 ? undefined : cidrMatch(chain.match.sourcePrefixRanges, facts.sourceAddress)));
  narrow((chain) => (chain.match.sourcePorts.length === 0 ? undefined : chain.match.sourcePorts.includes(facts.sourcePort) ? 0 : -1));
  return candidates[0];
}

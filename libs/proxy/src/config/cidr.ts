import { isIPv4 } from 'node:net';
import type { CidrRange } from './types';

/** An IPv4 address (also in its v4-mapped IPv6 form) as an unsigned 32-bit number; -1 for anything else. */
export function ipv4ToNumber(address: string): number {
  const mapped = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (!isIPv4(mapped)) return -1;
  return mapped.split('.').reduce((value, part) => (value << 8) + Number(part), 0) >>> 0;
}

/** Whether two IPv4 numbers share their first `prefixLength` bits. */
export function samePrefix(a: number, b: number, prefixLength: number): boolean {
  const mask = prefixLength === 0 ? 0 : (~0 << (32 - prefixLength)) >>> 0;
  return (a & mask) >>> 0 === (b & mask) >>> 0;
}

/** A predicate for `range`, parsed once: IPv4 addresses match by prefix, anything else (IPv6) only exactly. */
export function cidrMatcher(range: CidrRange): (address: string) => boolean {
  const base = ipv4ToNumber(range.address);
  return (address) => {
    const value = ipv4ToNumber(address);
    if (value < 0 || base < 0) return address === range.address;
    return samePrefix(value, base, range.prefixLength);
  };
}

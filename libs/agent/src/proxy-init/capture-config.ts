import { isIPv4, isIPv6 } from 'node:net';

/**
 * What istio-iptables is asked to do, after its flags are parsed and checked. Field comments give Istio 1.3's flag.
 * Address lists keep the text the user gave (`10.0.0.0/8`, `10.1.2.3`), since iptables takes both forms.
 */
export interface CaptureConfig {
  /** -p: port of the outbound capture listener (virtualOutbound). */
  readonly proxyPort: number;
  /** -z: port of the inbound capture listener (virtualInbound); used only when every inbound port is captured. */
  readonly inboundCapturePort: number;
  /** -u: users whose outbound traffic is never captured (the proxy itself). */
  readonly proxyUids: readonly string[];
  /** -g: groups whose outbound traffic is never captured; defaults to the -u list. */
  readonly proxyGids: readonly string[];
  /** -m: how inbound connections reach the proxy. */
  readonly interceptionMode: InterceptionMode;
  /** -b: inbound ports to capture: all (`*`), a list, or none (empty). */
  readonly inboundPorts: PortSelection;
  /** -d: inbound ports left alone when all are captured (the status port 15020, ...). */
  readonly inboundPortsExclude: readonly number[];
  /** -i: outbound destinations to capture: all (`*`), a list of CIDRs, or none (empty). */
  readonly outboundRanges: RangeSelection;
  /** -x: outbound destinations never captured. */
  readonly outboundRangesExclude: readonly string[];
  /** -o: outbound destination ports never captured. */
  readonly outboundPortsExclude: readonly number[];
  /** -k: interfaces (VM bridges) whose inbound traffic is treated as outbound. */
  readonly kubevirtInterfaces: readonly string[];
  /** ISTIO_INBOUND_TPROXY_MARK: packet mark for TPROXY mode. */
  readonly tproxyMark: number;
  /** ISTIO_INBOUND_TPROXY_ROUTE_TABLE: routing table that sends marked packets to lo. */
  readonly tproxyRouteTable: number;
  /** The pod has an IPv6 address: program ip6tables like iptables (else IPv6 inbound is locked down). */
  readonly ipv6: boolean;
  /** false = DISABLE_REDIRECTION_ON_LOCAL_LOOPBACK: calls to the pod's own service IP are not sent back in. */
  readonly redirectLocalLoopback: boolean;
}

export type InterceptionMode = 'REDIRECT' | 'TPROXY';
export type PortSelection = { readonly all: true } | { readonly all: false; readonly ports: readonly number[] };
export type RangeSelection = { readonly all: true } | { readonly all: false; readonly cidrs: readonly string[] };

/** The sidecar injector's defaults in Istio 1.3 (`-p 15001 -z 15006 -u 1337 -m REDIRECT -i * -x "" -b * -d 15020`). */
export const INJECTOR_DEFAULTS: CaptureConfig = {
  proxyPort: 15001,
  inboundCapturePort: 15006,
  proxyUids: ['1337'],
  proxyGids: ['1337'],
  interceptionMode: 'REDIRECT',
  inboundPorts: { all: true },
  inboundPortsExclude: [15020],
  outboundRanges: { all: true },
  outboundRangesExclude: [],
  outboundPortsExclude: [],
  kubevirtInterfaces: [],
  tproxyMark: 1337,
  tproxyRouteTable: 133,
  ipv6: false,
  redirectLocalLoopback: true,
};

export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string };

/** Splits a comma-separated flag value the way the script's `IFS=,` does, dropping empty items. */
export function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export function parsePort(raw: string): Parsed<number> {
  const text = raw.trim();
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > 65535) return { ok: false, expected: 'a port from 1 to 65535' };
  return { ok: true, value };
}

export function parsePortList(raw: string): Parsed<readonly number[]> {
  const ports: number[] = [];
  for (const item of splitList(raw)) {
    const port = parsePort(item);
    if (!port.ok) return { ok: false, expected: `comma-separated ports from 1 to 65535 ("${item}" is not one)` };
    ports.push(port.value);
  }
  return { ok: true, value: ports };
}

/** `*` (all), empty (none) or a port list. */
export function parsePortSelection(raw: string): Parsed<PortSelection> {
  if (raw.trim() === '*') return { ok: true, value: { all: true } };
  const ports = parsePortList(raw);
  return ports.ok ? { ok: true, value: { all: false, ports: ports.value } } : { ok: false, expected: `* or ${ports.expected}` };
}

/** An IPv4/IPv6 address or CIDR (`10.0.0.0/8`, `10.1.2.3`, `fd00::/8`). */
export function isCidr(text: string): boolean {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const prefix = slash < 0 ? undefined : text.slice(slash + 1);
  const family = isIPv4(address) ? 4 : isIPv6(address) ? 6 : 0;
  if (family === 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

export function isIpv6Cidr(text: string): boolean {
  return isIPv6(text.split('/')[0]);
}

export function parseCidrList(raw: string): Parsed<readonly string[]> {
  const cidrs = splitList(raw);
  const bad = cidrs.find((cidr) => !isCidr(cidr));
  if (bad !== undefined) return { ok: false, expected: `comma-separated CIDRs such as 10.0.0.0/8 ("${bad}" is not one)` };
  return { ok: true, value: cidrs };
}

export function parseRangeSelection(raw: string): Parsed<RangeSelection> {
  if (raw.trim() === '*') return { ok: true, value: { all: true } };
  const cidrs = parseCidrList(raw);
  return cidrs.ok ? { ok: true, value: { all: false, cidrs: cidrs.value } } : { ok: false, expected: `* or ${cidrs.expected}` };
}

/** Numeric user or group ids (iptables' owner match also takes names, but the injector always passes numbers). */
export function parseIdList(raw: string): Parsed<readonly string[]> {
  const ids = splitList(raw);
  const bad = ids.find((id) => !/^\d{1,10}$/.test(id));
  if (bad !== undefined) return { ok: false, expected: `comma-separated numeric ids ("${bad}" is not one)` };
  return { ok: true, value: ids };
}

export function parseInterfaceList(raw: string): Parsed<readonly string[]> {
  const names = splitList(raw);
  // Linux interface names: at most 15 bytes, no slash or whitespace.
  const bad = names.find((name) => !/^[A-Za-z0-9_.:@-]{1,15}$/.test(name));
  if (bad !== undefined) return { ok: false, expected: `comma-separated interface names ("${bad}" is not one)` };
  return { ok: true, value: names };
}

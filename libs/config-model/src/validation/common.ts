/** Field-level rules shared by several kinds: hosts, names, labels, IPs, ports, durations, exportTo, string matches. */
import { parseDuration } from '@isthmus/runtime';
import { child, item, key, Reporter } from './problems';
import { checkRe2 } from './re2';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_LABEL_ANY_CASE = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

export function isDns1123Label(value: string): boolean {
  return value.length > 0 && value.length <= 63 && DNS1123_LABEL.test(value);
}

/** Lower-case DNS subdomain, as Kubernetes requires for object names. */
export function isDns1123Subdomain(value: string): boolean {
  return value.length > 0 && value.length <= 253 && value.split('.').every(isDns1123Label);
}

export function isIPv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255 && !(part.length > 1 && part.startsWith('0')));
}

export function isIPv6(value: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(value) || !value.includes(':')) return false;
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  let count = groups.length;
  const last = groups[groups.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!isIPv4(last)) return false;
    groups.pop();
    count += 1; // an embedded IPv4 address fills two groups
  }
  if (!groups.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) return false;
  return halves.length === 2 ? count < 8 : count === 8;
}

export function isIP(value: string): boolean {
  return isIPv4(value) || isIPv6(value);
}

export function isCIDR(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return false;
  const address = value.slice(0, slash);
  const bits = value.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return false;
  return isIPv4(address) ? Number(bits) <= 32 : isIPv6(address) && Number(bits) <= 128;
}

/** An IP address or a CIDR block. */
export function checkIPOrCIDR(value: string, path: string, r: Reporter): void {
  if (!isIP(value) && !isCIDR(value)) r.error(path, `${JSON.stringify(value)} is not a valid IP address or CIDR block`);
}

/** A DNS name, optionally with a leading `*` label (`*`, `*.example.com`); no wildcard elsewhere. */
export function hostProblem(host: string, options: { allowWildcard: boolean } = { allowWildcard: true }): string | undefined {
  if (host.length === 0) return 'host must not be empty';
  if (host.length > 255) return `host ${JSON.stringify(host)} is longer than 255 characters`;
  let rest = host;
  if (host.startsWith('*')) {
    if (!options.allowWildcard) return `wildcard host ${JSON.stringify(host)} is not allowed here`;
    if (host === '*') return undefined;
    if (!host.startsWith('*.')) return `invalid host ${JSON.stringify(host)}: a wildcard must be a whole leading label, e.g. "*.example.com"`;
    rest = host.slice(2);
  }
  if (rest.includes('*')) return `invalid host ${JSON.stringify(host)}: a wildcard is allowed only as the leading label`;
  const labels = rest.endsWith('.') ? rest.slice(0, -1).split('.') : rest.split('.');
  for (const label of labels) {
    if (!DNS_LABEL_ANY_CASE.test(label) || label.length > 63) {
      return `invalid host ${JSON.stringify(host)}: label ${JSON.stringify(label)} must consist of alphanumerics and '-', start and end with an alphanumeric, at most 63 characters`;
    }
  }
  return undefined;
}

export function checkHost(host: string, path: string, r: Reporter, options?: { allowWildcard: boolean }): void {
  const problem = hostProblem(host, options);
  if (problem) r.error(path, problem);
}

export function checkLabels(labels: Readonly<Record<string, string>> | undefined, path: string, r: Reporter): void {
  for (const [name, value] of Object.entries(labels ?? {})) {
    const slash = name.lastIndexOf('/');
    const prefix = slash >= 0 ? name.slice(0, slash) : '';
    const bare = slash >= 0 ? name.slice(slash + 1) : name;
    if ((slash >= 0 && !isDns1123Subdomain(prefix)) || bare.length > 63 || !LABEL_NAME.test(bare)) {
      r.error(key(path, name), `invalid label key ${JSON.stringify(name)}: must be [prefix/]name with alphanumerics, '-', '_' or '.'`);
    }
    if (value.length > 63 || !LABEL_VALUE.test(value)) {
      r.error(key(path, name), `invalid label value ${JSON.stringify(value)}: at most 63 alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric`);
    }
  }
}

export function checkPort(value: number | undefined, path: string, r: Reporter): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > 65535)) r.error(path, `port number ${value} must be between 1 and 65535`);
}

/** A set duration must be at least 1ms (Istio rejects 0 for timeouts and intervals). */
export function checkPositiveDuration(value: string | undefined, path: string, r: Reporter): void {
  if (value === undefined) return;
  const parsed = parseDuration(value);
  if (parsed.ok && parsed.ms < 1) r.error(path, `duration must be at least 1ms, got ${JSON.stringify(value)}`);
}

export function durationMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = parseDuration(value);
  return parsed.ok ? parsed.ms : undefined;
}

/** exportTo: `.` (this namespace) or `*` (all), as Istio 1.3 supports. */
export function checkExportTo(values: readonly string[] | undefined, path: string, r: Reporter): void {
  (values ?? []).forEach((value, index) => {
    if (value !== '.' && value !== '*') r.error(item(path, index), `exportTo value ${JSON.stringify(value)} is not supported: use "." (this namespace) or "*" (all namespaces)`);
  });
}

export interface StringMatchLike {
  readonly exact?: string;
  readonly prefix?: string;
  readonly suffix?: string;
  readonly regex?: string;
}

/** One of exact/prefix/(suffix)/regex set; regexes are RE2. `allowEmpty` for header presence matches. */
export function checkStringMatch(match: StringMatchLike, path: string, r: Reporter, options: { allowEmpty?: boolean } = {}): void {
  const set = (['exact', 'prefix', 'suffix', 'regex'] as const).filter((field) => match[field] !== undefined);
  if (set.length === 0 && !options.allowEmpty) r.error(path, 'one of exact, prefix or regex must be set');
  if (match.regex !== undefined) {
    const problem = checkRe2(match.regex);
    if (problem) r.error(child(path, 'regex'), problem);
  }
}

export function checkRequiredString(value: string | undefined, path: string, r: Reporter, what: string): value is string {
  if (value === undefined || value.length === 0) {
    r.error(path, `${what} is required`);
    return false;
  }
  return true;
}

/** Gateway names in VirtualService/route matches: `mesh`, `<name>`, `<namespace>/<name>` or a FQDN. */
export function checkGatewayName(name: string, path: string, r: Reporter): void {
  if (name === 'mesh') return;
  const parts = name.split('/');
  if (parts.length > 2 || (parts.length === 2 && !isDns1123Label(parts[0])) || !isDns1123Subdomain(parts[parts.length - 1])) {
    r.error(path, `invalid gateway name ${JSON.stringify(name)}: use "mesh", "<name>" or "<namespace>/<name>"`);
  }
}

/** `namespace/host` with namespace `*`, `.` or a name (Gateway servers, Sidecar egress). */
export function checkNamespacedHost(value: string, path: string, r: Reporter, options: { requireNamespace: boolean }): void {
  const parts = value.split('/');
  if (parts.length > 2 || (parts.length === 1 && options.requireNamespace)) {
    r.error(path, `host ${JSON.stringify(value)} must be of the form <namespace>/<dnsName> (namespace "*", "." or a name)`);
    return;
  }
  if (parts.length === 2) {
    const namespace = parts[0];
    if (namespace !== '*' && namespace !== '.' && namespace !== '~' && !isDns1123Label(namespace)) {
      r.error(path, `invalid namespace ${JSON.stringify(namespace)} in host ${JSON.stringify(value)}`);
      return;
    }
  }
  checkHost(parts[parts.length - 1], path, r);
}

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'];

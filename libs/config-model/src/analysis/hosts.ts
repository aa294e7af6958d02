/** Host and name resolution shared by the analyzers (short names are relative to the resource's namespace). */
const SUFFIX = 'svc.cluster.local';

/** `reviews` in `default` → `reviews.default.svc.cluster.local`; FQDNs and wildcards unchanged. */
export function resolveHost(host: string, namespace: string, domainSuffix = SUFFIX): string {
  if (host === '*' || host.startsWith('*.') || host.includes('.')) return host;
  return `${host}.${namespace}.${domainSuffix}`;
}

/** Gateway reference from a VirtualService: `mesh`, `name`, `ns/name`, or `name.ns.svc.cluster.local` → `ns/name`. */
export function resolveGateway(reference: string, namespace: string): string {
  if (reference === 'mesh') return 'mesh';
  if (reference.includes('/')) return reference;
  const parts = reference.split('.');
  return parts.length >= 2 ? `${parts[1]}/${parts[0]}` : `${namespace}/${reference}`;
}

/** Whether two host patterns can match a common host (`*.a.com` and `b.a.com`, or `*` and anything). */
export function hostsOverlap(a: string, b: string): boolean {
  const covers = (pattern: string, host: string): boolean =>
    pattern === '*' || pattern === host || (pattern.startsWith('*.') && host.endsWith(pattern.slice(1)));
  return covers(a, b) || covers(b, a);
}

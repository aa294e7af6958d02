/**
 * Host names as Istio matches them: exact, or a leading `*` wildcard (`*.example.com`, `*` = everything).
 */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*' || pattern === host) return true;
  if (pattern.startsWith('*')) {
    const suffix = pattern.slice(1);
    if (host.startsWith('*')) return host.slice(1).endsWith(suffix);
    return host.endsWith(suffix);
  }
  // A wildcard host (from a ServiceEntry) matched by a more specific pattern is not a match.
  return false;
}

/** Either side may be a wildcard: used to decide whether a VirtualService host applies to a service host. */
export function hostsIntersect(a: string, b: string): boolean {
  return hostMatches(a, b) || hostMatches(b, a);
}

/**
 * Resolves a short name written in config of namespace `namespace` (`reviews` → `reviews.<ns>.svc.<domain>`).
 * FQDNs, names with dots and wildcards other than `*` are kept as written, as Istio 1.3 does.
 */
export function resolveShortName(host: string, namespace: string, domain = 'cluster.local'): string {
  if (host === '*' || host.includes('.')) return host;
  return `${host}.${namespace}.svc.${domain}`;
}

/** How specific a host pattern is: exact beats wildcard, longer wildcard beats shorter. */
export function hostSpecificity(pattern: string): number {
  if (!pattern.startsWith('*')) return 10_000 + pattern.length;
  return pattern.length;
}

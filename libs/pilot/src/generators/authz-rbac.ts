import type { AccessRule, Subject } from '@isthmus/config-model';
import { EXTENSION_TYPE_NAMES } from '@isthmus/protos';
import type { HttpFilter } from '@isthmus/protos';
import type { Service } from '../model/service';
import type { DeepReadonly, PushContext } from '../push/push-context';
import { pack } from './envoy-util';

type Matcher = Record<string, unknown>;
type Rule = DeepReadonly<AccessRule>;

/** Istio RBAC (ClusterRbacConfig) applies to this service? */
export function rbacEnabledFor(push: PushContext, service: Service): boolean {
  const config = push.rbacConfig;
  switch (config?.mode) {
    case 'ON':
      return true;
    case 'ON_WITH_INCLUSION':
      return (config.inclusion?.namespaces ?? []).includes(service.namespace) || (config.inclusion?.services ?? []).includes(service.hostname);
    case 'ON_WITH_EXCLUSION':
      return !(config.exclusion?.namespaces ?? []).includes(service.namespace) && !(config.exclusion?.services ?? []).includes(service.hostname);
    default:
      return false;
  }
}

/**
 * The Envoy RBAC HTTP filter for a service's inbound side: one ALLOW policy per ServiceRole of the service's namespace
 * whose rules cover the service, with the principals of the ServiceRoleBindings that reference it. RBAC on with no
 * matching role denies everything, as in Istio. Undefined when RBAC does not apply to the service.
 */
export function rbacFilter(push: PushContext, service: Service): HttpFilter | undefined {
  if (!rbacEnabledFor(push, service)) return undefined;
  const policies: Record<string, { permissions: Matcher[]; principals: Matcher[] }> = {};
  for (const role of push.serviceRoles.filter((candidate) => candidate.namespace === service.namespace)) {
    const rules = (role.spec.rules ?? []).filter((rule) => (rule.services ?? []).some((pattern) => serviceMatches(pattern, service)));
    if (rules.length === 0) continue;
    const principals = push.serviceRoleBindings
      .filter((binding) => binding.namespace === service.namespace && (binding.spec.roleRef?.name ?? binding.spec.role) === role.name)
      .flatMap((binding) => (binding.spec.subjects ?? []).map(principalOf));
    if (principals.length === 0) continue;
    policies[`${role.namespace}/${role.name}`] = { permissions: rules.map(permissionOf), principals };
  }
  return { name: 'envoy.filters.http.rbac', typed_config: pack(EXTENSION_TYPE_NAMES.rbac, { rules: { action: 'ALLOW', policies } }) };
}

/** `*`, an FQDN or short name, `prefix*` or `*suffix`. */
function serviceMatches(pattern: string, service: Service): boolean {
  const names = [service.hostname, service.name, `${service.name}.${service.namespace}`];
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return names.some((name) => name.startsWith(pattern.slice(0, -1)));
  if (pattern.startsWith('*')) return names.some((name) => name.endsWith(pattern.slice(1)));
  return names.includes(pattern);
}

/** Istio's value patterns: `*` any, `prefix*`, `*suffix`, exact. */
function stringMatch(value: string): Matcher | undefined {
  if (value === '*') return undefined;
  if (value.endsWith('*')) return { prefix: value.slice(0, -1) };
  if (value.startsWith('*')) return { suffix: value.slice(1) };
  return { exact: value };
}

function headerRule(name: string, values: readonly string[]): Matcher {
  const matchers = values.map((value) => stringMatch(value));
  if (matchers.some((matcher) => matcher === undefined)) return { any: true };
  return or(matchers.map((matcher) => ({ header: { name, string_match: matcher } })), 'rules');
}

function or(items: Matcher[], field: 'rules' | 'ids'): Matcher {
  if (items.length === 1) return items[0];
  return field === 'rules' ? { or_rules: { rules: items } } : { or_ids: { ids: items } };
}

function permissionOf(rule: Rule): Matcher {
  const parts: Matcher[] = [];
  if (rule.paths?.length) parts.push(headerRule(':path', rule.paths));
  if (rule.notPaths?.length) parts.push({ not_rule: headerRule(':path', rule.notPaths) });
  if (rule.methods?.length) parts.push(headerRule(':method', rule.methods));
  if (rule.notMethods?.length) parts.push({ not_rule: headerRule(':method', rule.notMethods) });
  if (rule.hosts?.length) parts.push(headerRule(':authority', rule.hosts));
  if (rule.notHosts?.length) parts.push({ not_rule: headerRule(':authority', rule.notHosts) });
  if (rule.ports?.length) parts.push(or(rule.ports.map((port) => ({ destination_port: port })), 'rules'));
  if (rule.notPorts?.length) parts.push({ not_rule: or(rule.notPorts.map((port) => ({ destination_port: port })), 'rules') });
  for (const constraint of rule.constraints ?? []) {
    const header = /^request\.headers\[(.+)\]$/.exec(constraint.key ?? '');
    if (header) parts.push(headerRule(header[1], constraint.values ?? []));
    else if (constraint.key === 'destination.port') parts.push(or((constraint.values ?? []).map((port) => ({ destination_port: Number(port) })), 'rules'));
  }
  const real = parts.filter((part) => !('any' in part));
  if (real.length === 0) return { any: true };
  return real.length === 1 ? real[0] : { and_rules: { rules: real } };
}

/** A SPIFFE identity for a user written as `cluster.local/ns/<ns>/sa/<sa>`. */
function spiffe(user: string): string {
  return user.startsWith('spiffe://') || !user.includes('/') ? user : `spiffe://${user}`;
}

function principalName(value: string): Matcher {
  if (value === '*') return { authenticated: { principal_name: { safe_regex: { regex: '.+' } } } };
  const match = stringMatch(spiffe(value));
  return { authenticated: { principal_name: match } };
}

function principalOf(subject: DeepReadonly<Subject>): Matcher {
  const parts: Matcher[] = [];
  if (subject.user && subject.user !== '*') parts.push(principalName(subject.user));
  if (subject.names?.length) parts.push(or(subject.names.map(principalName), 'ids'));
  if (subject.notNames?.length) parts.push({ not_id: or(subject.notNames.map(principalName), 'ids') });
  const namespaceId = (namespace: string) => ({ authenticated: { principal_name: { safe_regex: { regex: `.*/ns/${namespace.replace(/[^a-z0-9-]/g, '')}/.*` } } } });
  if (subject.namespaces?.length) parts.push(or(subject.namespaces.map(namespaceId), 'ids'));
  if (subject.notNamespaces?.length) parts.push({ not_id: or(subject.notNamespaces.map(namespaceId), 'ids') });
  const cidr = (ip: string) => {
    const [address, prefix] = ip.split('/');
    return { direct_remote_ip: { address_prefix: address, prefix_len: { value: Number(prefix ?? (address.includes(':') ? 128 : 32)) } } };
  };
  if (subject.ips?.length) parts.push(or(subject.ips.map(cidr), 'ids'));
  if (subject.notIps?.length) parts.push({ not_id: or(subject.notIps.map(cidr), 'ids') });
  for (const [key, value] of Object.entries(subject.properties ?? {})) {
    if (key === 'source.principal') parts.push(principalName(value));
    else if (key === 'source.namespace') parts.push(namespaceId(value));
    else if (key === 'source.ip') parts.push(cidr(value));
    else {
      const header = /^request\.headers\[(.+)\]$/.exec(key);
      const match = stringMatch(value);
      if (header) parts.push(match ? { header: { name: header[1], string_match: match } } : { header: { name: header[1], present_match: true } });
    }
  }
  if (parts.length === 0) return { any: true };
  return parts.length === 1 ? parts[0] : { and_ids: { ids: parts } };
}

import type { RbacFilter__Output, RbacPolicies__Output } from '@isthmus/protos';
import { cidrMatcher } from './cidr';
import { fail, rejectUnsupported } from './errors';
import { compileHeaderMatcher } from './route-match';
import { compileStringMatcher, type StringPredicate } from './string-matcher';
import type { CidrRange, HeaderMap } from './types';
import { wrapped } from './values';

/** What RBAC rules look at for one request. */
export interface RbacRequest {
  readonly headers: HeaderMap;
  readonly path: string;
  readonly destinationPort: number;
  readonly destinationAddress: string;
  readonly sourceAddress: string;
  readonly serverName: string;
  /** The peer's identity from its TLS certificate (URI SAN, e.g. spiffe://...), '' without mTLS. */
  readonly principal: string;
}

type Rule = (request: RbacRequest) => boolean;

export interface RbacConfig {
  readonly action: 'ALLOW' | 'DENY';
  readonly policies: readonly { readonly name: string; readonly matches: Rule }[];
  /** Shadow rules are evaluated for stats only. */
  readonly shadow?: RbacConfig;
}

function cidr(range: { address_prefix?: string; prefix_len?: { value?: number } | null } | null | undefined): CidrRange {
  return { address: range?.address_prefix ?? '', prefixLength: wrapped(range?.prefix_len, 32) };
}

type PermissionLike = RbacPolicies__Output['policies'][string]['permissions'][number];
type PrincipalLike = RbacPolicies__Output['policies'][string]['principals'][number];

function compilePermission(permission: PermissionLike, path: string): Rule {
  switch (permission.rule) {
    case 'any':
      return () => true;
    case 'and_rules': {
      const rules = (permission.and_rules?.rules ?? []).map((rule, index) => compilePermission(rule, `${path}.and_rules.rules[${index}]`));
      return (request) => rules.every((rule) => rule(request));
    }
    case 'or_rules': {
      const rules = (permission.or_rules?.rules ?? []).map((rule, index) => compilePermission(rule, `${path}.or_rules.rules[${index}]`));
      return (request) => rules.some((rule) => rule(request));
    }
    case 'not_rule': {
      const rule = compilePermission(permission.not_rule as PermissionLike, `${path}.not_rule`);
      return (request) => !rule(request);
    }
    case 'header': {
      const matches = compileHeaderMatcher(permission.header as NonNullable<PermissionLike['header']>, `${path}.header`);
      return (request) => matches(request.headers);
    }
    case 'url_path': {
      const matcher = compileStringMatcher(permission.url_path?.path ?? {}, `${path}.url_path.path`);
      return (request) => matcher(request.path);
    }
    case 'destination_port': {
      const port = permission.destination_port ?? 0;
      return (request) => request.destinationPort === port;
    }
    case 'destination_ip': {
      const matches = cidrMatcher(cidr(permission.destination_ip));
      return (request) => matches(request.destinationAddress);
    }
    case 'requested_server_name': {
      const matcher = compileStringMatcher(permission.requested_server_name ?? {}, `${path}.requested_server_name`);
      return (request) => matcher(request.serverName);
    }
    default:
      return fail(`${path}.${String(permission.rule)}`, 'RBAC permission is not supported');
  }
}

function compilePrincipal(principal: PrincipalLike, path: string): Rule {
  switch (principal.identifier) {
    case 'any':
      return () => true;
    case 'and_ids': {
      const ids = (principal.and_ids?.ids ?? []).map((id, index) => compilePrincipal(id, `${path}.and_ids.ids[${index}]`));
      return (request) => ids.every((id) => id(request));
    }
    case 'or_ids': {
      const ids = (principal.or_ids?.ids ?? []).map((id, index) => compilePrincipal(id, `${path}.or_ids.ids[${index}]`));
      return (request) => ids.some((id) => id(request));
    }
    case 'not_id': {
      const id = compilePrincipal(principal.not_id as PrincipalLike, `${path}.not_id`);
      return (request) => !id(request);
    }
    case 'authenticated': {
      const name = principal.authenticated?.principal_name;
      // No matcher: any authenticated (mTLS) peer.
      if (!name || !name.match_pattern) return (request) => request.principal !== '';
      const matcher: StringPredicate = compileStringMatcher(name, `${path}.authenticated.principal_name`);
      return (request) => request.principal !== '' && matcher(request.principal);
    }
    case 'header': {
      const matches = compileHeaderMatcher(principal.header as NonNullable<PrincipalLike['header']>, `${path}.header`);
      return (request) => matches(request.headers);
    }
    case 'url_path': {
      const matcher = compileStringMatcher(principal.url_path?.path ?? {}, `${path}.url_path.path`);
      return (request) => matcher(request.path);
    }
    case 'source_ip':
    case 'direct_remote_ip':
    case 'remote_ip': {
      const matches = cidrMatcher(cidr(principal[principal.identifier]));
      return (request) => matches(request.sourceAddress);
    }
    default:
      return fail(`${path}.${String(principal.identifier)}`, 'RBAC principal is not supported');
  }
}

function compileRules(rules: RbacPolicies__Output, path: string): RbacConfig {
  rejectUnsupported(rules, path, ['action', 'policies'], { action: 'ALLOW' });
  const action = String(rules.action);
  if (action !== 'ALLOW' && action !== 'DENY') fail(`${path}.action`, `action ${action} is not supported`);
  return {
    action,
    policies: Object.entries(rules.policies).map(([name, policy]) => {
      const policyPath = `${path}.policies["${name}"]`;
      rejectUnsupported(policy, policyPath, ['permissions', 'principals']);
      const permissions = policy.permissions.map((permission, index) => compilePermission(permission, `${policyPath}.permissions[${index}]`));
      const principals = policy.principals.map((principal, index) => compilePrincipal(principal, `${policyPath}.principals[${index}]`));
      return { name, matches: (request: RbacRequest) => permissions.some((rule) => rule(request)) && principals.some((rule) => rule(request)) };
    }),
  };
}

/** envoy.extensions.filters.http.rbac.v3.RBAC → compiled policies (no rules = allow everything, as in Envoy). */
export function compileRbac(filter: RbacFilter__Output, path: string): RbacConfig | undefined {
  rejectUnsupported(filter, path, ['rules', 'shadow_rules', 'shadow_rules_stat_prefix', 'rules_stat_prefix']);
  const shadow = filter.shadow_rules ? compileRules(filter.shadow_rules, `${path}.shadow_rules`) : undefined;
  if (!filter.rules) return shadow ? { action: 'ALLOW', policies: [{ name: '', matches: () => true }], shadow } : undefined;
  return { ...compileRules(filter.rules, `${path}.rules`), shadow };
}

/** Envoy's decision: ALLOW lets a request through when some policy matches; DENY when none does. */
export function rbacAllows(config: RbacConfig, request: RbacRequest): boolean {
  const matched = config.policies.some((policy) => policy.matches(request));
  return config.action === 'ALLOW' ? matched : !matched;
}

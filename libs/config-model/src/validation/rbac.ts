/** Semantic rules for rbac.istio.io kinds (Istio 1.3, and stricter where noted). */
import { AccessRule, AuthorizationPolicy, RbacConfig, ServiceRole, ServiceRoleBinding, Subject } from '../types/rbac';
import { checkIPOrCIDR, checkLabels, HTTP_METHODS } from './common';
import { ValidationContext } from './context';
import { child, item, key, Reporter } from './problems';

const CONSTRAINT_KEYS = ['destination.ip', 'destination.port', 'destination.labels[', 'destination.name', 'destination.namespace', 'destination.user', 'request.headers[', 'connection.sni', 'experimental.envoy.filters.'];
const PROPERTY_KEYS = ['source.ip', 'source.namespace', 'source.principal', 'source.user', 'request.auth.principal', 'request.auth.audiences', 'request.auth.presenter', 'request.auth.claims[', 'request.headers[', 'destination.ip', 'destination.port', 'destination.labels[', 'destination.name', 'destination.namespace', 'destination.user', 'connection.sni', 'experimental.envoy.filters.'];

const knownKey = (name: string, known: readonly string[]): boolean =>
  known.some((prefix) => (prefix.endsWith('[') ? name.startsWith(prefix) && name.endsWith(']') : prefix.endsWith('.') ? name.startsWith(prefix) : name === prefix));

function checkWildcardValue(value: string, path: string, r: Reporter): void {
  const inner = value.slice(1, -1);
  if (value.length > 1 && inner.includes('*')) r.error(path, `${JSON.stringify(value)}: "*" is allowed only as a prefix, a suffix or the whole value`);
}

export function validateAccessRule(rule: AccessRule, path: string, r: Reporter, requireServices: boolean): void {
  if (requireServices && (rule.services ?? []).length === 0) r.error(child(path, 'services'), 'at least one service is required (use "*" for all)');
  for (const field of ['services', 'hosts', 'notHosts', 'paths', 'notPaths'] as const) {
    (rule[field] ?? []).forEach((value, index) => checkWildcardValue(value, item(child(path, field), index), r));
  }
  for (const field of ['methods', 'notMethods'] as const) {
    (rule[field] ?? []).forEach((method, index) => {
      if (method !== '*' && !HTTP_METHODS.includes(method)) r.error(item(child(path, field), index), `${JSON.stringify(method)} is not an HTTP method (${HTTP_METHODS.join(', ')} or "*")`);
    });
  }
  (rule.constraints ?? []).forEach((constraint, index) => {
    const constraintPath = item(child(path, 'constraints'), index);
    if (!constraint.key) r.error(child(constraintPath, 'key'), 'constraint key is required');
    else if (!knownKey(constraint.key, CONSTRAINT_KEYS)) r.error(child(constraintPath, 'key'), `constraint key ${JSON.stringify(constraint.key)} is not supported`);
    if ((constraint.values ?? []).length === 0) r.error(child(constraintPath, 'values'), 'at least one value is required');
  });
}

export function validateServiceRole(spec: ServiceRole, r: Reporter, _ctx: ValidationContext): void {
  const rules = spec.rules ?? [];
  if (rules.length === 0) r.error('spec.rules', 'at least one rule is required');
  rules.forEach((rule, index) => validateAccessRule(rule, item('spec.rules', index), r, true));
}

function validateSubject(subject: Subject, path: string, r: Reporter): void {
  if (Object.keys(subject).length === 0) r.error(path, 'a subject must set at least one field');
  for (const name of Object.keys(subject.properties ?? {})) {
    if (!knownKey(name, PROPERTY_KEYS)) r.error(key(child(path, 'properties'), name), `property ${JSON.stringify(name)} is not supported`);
  }
  for (const field of ['ips', 'notIps'] as const) {
    (subject[field] ?? []).forEach((ip, index) => checkIPOrCIDR(ip, item(child(path, field), index), r));
  }
  if (subject.properties?.['source.ip'] !== undefined) checkIPOrCIDR(subject.properties['source.ip'], key(child(path, 'properties'), 'source.ip'), r);
}

export function validateServiceRoleBinding(spec: ServiceRoleBinding, r: Reporter, _ctx: ValidationContext, path = 'spec'): void {
  const subjects = spec.subjects ?? [];
  if (subjects.length === 0) r.error(child(path, 'subjects'), 'at least one subject is required');
  subjects.forEach((subject, index) => validateSubject(subject, item(child(path, 'subjects'), index), r));
  const hasInline = spec.role !== undefined || (spec.actions ?? []).length > 0;
  if (!spec.roleRef && !hasInline) r.error(child(path, 'roleRef'), 'roleRef is required');
  if (spec.roleRef && hasInline) r.error(child(path, 'roleRef'), 'roleRef cannot be combined with role or actions');
  if (spec.roleRef) {
    if (spec.roleRef.kind !== 'ServiceRole') r.error(child(path, 'roleRef.kind'), `roleRef kind must be "ServiceRole", found ${JSON.stringify(spec.roleRef.kind ?? '')}`);
    if (!spec.roleRef.name) r.error(child(path, 'roleRef.name'), 'roleRef name is required');
  }
  (spec.actions ?? []).forEach((rule, index) => validateAccessRule(rule, item(child(path, 'actions'), index), r, false));
}

export function validateRbacConfig(spec: RbacConfig, r: Reporter, ctx: ValidationContext): void {
  if (ctx.name !== 'default') r.error('metadata.name', `${ctx.kind} must be named "default", found ${JSON.stringify(ctx.name)}`);
  if (ctx.kind === 'RbacConfig') r.warning('', 'RbacConfig is deprecated; use ClusterRbacConfig');
  if (spec.mode === 'ON_WITH_INCLUSION' && !spec.inclusion) r.error('spec.inclusion', 'inclusion is required with mode ON_WITH_INCLUSION');
  if (spec.mode === 'ON_WITH_EXCLUSION' && !spec.exclusion) r.error('spec.exclusion', 'exclusion is required with mode ON_WITH_EXCLUSION');
  if (spec.inclusion && spec.mode !== 'ON_WITH_INCLUSION') r.warning('spec.inclusion', `inclusion is ignored with mode ${spec.mode ?? 'OFF'}`);
  if (spec.exclusion && spec.mode !== 'ON_WITH_EXCLUSION') r.warning('spec.exclusion', `exclusion is ignored with mode ${spec.mode ?? 'OFF'}`);
}

export function validateAuthorizationPolicy(spec: AuthorizationPolicy, r: Reporter, ctx: ValidationContext): void {
  r.warning('', 'AuthorizationPolicy (rbac.istio.io) is not enforced in Istio 1.3; use ServiceRole and ServiceRoleBinding');
  checkLabels(spec.workloadSelector?.labels, 'spec.workloadSelector.labels', r);
  (spec.allow ?? []).forEach((binding, index) => validateServiceRoleBinding(binding, r, ctx, item('spec.allow', index)));
}

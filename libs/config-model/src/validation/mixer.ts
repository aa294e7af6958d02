/** Semantic rules for Mixer config (rule, instance, handler, attributemanifest, adapter, template) and API specs. */
import { isKnownAttribute, KNOWN_ATTRIBUTES, referencedAttributes } from '../expr/attributes';
import { parseExpression } from '../expr/parser';
import { HTTPAPISpec, HTTPAPISpecBinding, QuotaSpec, QuotaSpecBinding } from '../types/apim';
import { AdapterInfo, AttributeManifest, Handler, Instance, Rule, Template } from '../types/policy';
import { checkStringMatch, isDns1123Label } from './common';
import { ValidationContext } from './context';
import { child, item, key, Reporter } from './problems';
import { checkRe2 } from './re2';
import { didYouMean, suggest } from './suggest';

export const ADAPTERS = ['bypass', 'circonus', 'cloudwatch', 'denier', 'dogstatsd', 'fluentd', 'kubernetesenv', 'listchecker', 'memquota', 'noop', 'opa', 'prometheus', 'redisquota', 'signalfx', 'solarwinds', 'stackdriver', 'statsd', 'stdio', 'zipkin'];
export const TEMPLATES = ['apikey', 'authorization', 'checknothing', 'edge', 'listentry', 'logentry', 'metric', 'quota', 'reportnothing', 'tracespan', 'kubernetes'];

/** Parses a Mixer expression; errors at `path`, warnings for attributes outside the known vocabulary. */
export function checkExpression(source: string, path: string, r: Reporter): void {
  const result = parseExpression(source);
  if (!result.ok) {
    r.error(path, `invalid expression ${JSON.stringify(source)}: ${result.error} at position ${result.position}`);
    return;
  }
  for (const name of referencedAttributes(result.expression)) {
    if (!isKnownAttribute(name)) r.warning(path, `unknown attribute ${JSON.stringify(name)}${didYouMean(suggest(name, [...KNOWN_ATTRIBUTES]))}`);
  }
}

export function validateRule(spec: Rule, r: Reporter, _ctx: ValidationContext): void {
  if (spec.match !== undefined && spec.match.trim() !== '') checkExpression(spec.match, 'spec.match', r);
  const actions = spec.actions ?? [];
  if (actions.length === 0 && !spec.requestHeaderOperations && !spec.responseHeaderOperations) r.warning('spec.actions', 'rule has no actions');
  actions.forEach((action, index) => {
    const path = item('spec.actions', index);
    if (!action.handler) r.error(child(path, 'handler'), 'handler is required');
    if ((action.instances ?? []).length === 0) r.error(child(path, 'instances'), 'at least one instance is required');
    if (action.name !== undefined && !isDns1123Label(action.name)) r.error(child(path, 'name'), `action name ${JSON.stringify(action.name)} must be a DNS-1123 label`);
  });
  for (const field of ['requestHeaderOperations', 'responseHeaderOperations'] as const) {
    (spec[field] ?? []).forEach((operation, index) => {
      const path = item(child('spec', field), index);
      if (!operation.name) r.error(child(path, 'name'), 'header name is required');
      if (operation.operation !== 'REMOVE') {
        (operation.values ?? []).forEach((value, valueIndex) => checkExpression(value, item(child(path, 'values'), valueIndex), r));
      }
    });
  }
  const percent = spec.sampling?.random?.percentSampled;
  if (percent?.numerator !== undefined) {
    const max = { HUNDRED: 100, TEN_THOUSAND: 10_000, MILLION: 1_000_000 }[percent.denominator ?? 'HUNDRED'];
    if (percent.numerator > max) r.error('spec.sampling.random.percentSampled.numerator', `numerator ${percent.numerator} exceeds the denominator ${max}`);
  }
}

function checkParamExpressions(value: unknown, path: string, r: Reporter): void {
  if (typeof value === 'string') checkExpression(value, path, r);
  else if (Array.isArray(value)) value.forEach((entry, index) => checkParamExpressions(entry, item(path, index), r));
  else if (typeof value === 'object' && value !== null) {
    for (const [name, entry] of Object.entries(value)) checkParamExpressions(entry, key(path, name), r);
  }
}

export function validateInstance(spec: Instance, r: Reporter, _ctx: ValidationContext): void {
  const template = spec.compiledTemplate ?? spec.template;
  if (!template) r.error('spec.compiledTemplate', 'compiledTemplate (or template) is required');
  else if (spec.compiledTemplate !== undefined && !TEMPLATES.includes(spec.compiledTemplate)) {
    r.error('spec.compiledTemplate', `unknown template ${JSON.stringify(spec.compiledTemplate)}${didYouMean(suggest(spec.compiledTemplate, TEMPLATES))}`);
  }
  // Instance params of the compiled templates are attribute expressions.
  if (spec.params !== undefined && spec.compiledTemplate !== undefined) checkParamExpressions(spec.params, 'spec.params', r);
  for (const [name, value] of Object.entries(spec.attributeBindings ?? {})) checkExpression(value, key('spec.attributeBindings', name), r);
}

export function validateHandler(spec: Handler, r: Reporter, _ctx: ValidationContext): void {
  const adapter = spec.compiledAdapter ?? spec.adapter;
  if (!adapter) r.error('spec.compiledAdapter', 'compiledAdapter (or adapter) is required');
  else if (spec.compiledAdapter !== undefined && !ADAPTERS.includes(spec.compiledAdapter)) {
    r.error('spec.compiledAdapter', `unknown adapter ${JSON.stringify(spec.compiledAdapter)}${didYouMean(suggest(spec.compiledAdapter, ADAPTERS))}`);
  }
  if (spec.adapter !== undefined && !spec.connection?.address) r.error('spec.connection.address', 'an out-of-process adapter needs connection.address');
}

export function validateAttributeManifest(spec: AttributeManifest, r: Reporter, _ctx: ValidationContext): void {
  const attributes = spec.attributes ?? {};
  if (Object.keys(attributes).length === 0) r.warning('spec.attributes', 'manifest declares no attributes');
  for (const [name, attribute] of Object.entries(attributes)) {
    const path = key('spec.attributes', name);
    if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(name)) r.error(path, `invalid attribute name ${JSON.stringify(name)}`);
    if (attribute.valueType === undefined || attribute.valueType === 'VALUE_TYPE_UNSPECIFIED') r.error(child(path, 'valueType'), 'valueType is required');
  }
}

export function validateAdapterInfo(spec: AdapterInfo, r: Reporter, _ctx: ValidationContext): void {
  if (spec.config !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(spec.config)) r.error('spec.config', 'config must be a base64-encoded descriptor set');
}

export function validateTemplate(spec: Template, r: Reporter, _ctx: ValidationContext): void {
  if (!spec.descriptor) r.error('spec.descriptor', 'descriptor is required');
  else if (!/^[A-Za-z0-9+/]*={0,2}$/.test(spec.descriptor)) r.error('spec.descriptor', 'descriptor must be base64-encoded');
}

export function validateHTTPAPISpec(spec: HTTPAPISpec, r: Reporter, _ctx: ValidationContext): void {
  const patterns = spec.patterns ?? [];
  if (patterns.length === 0) r.error('spec.patterns', 'at least one pattern is required');
  patterns.forEach((pattern, index) => {
    const path = item('spec.patterns', index);
    if (!pattern.httpMethod) r.error(child(path, 'httpMethod'), 'httpMethod is required');
    if (pattern.uriTemplate === undefined && pattern.regex === undefined) r.error(path, 'uriTemplate or regex is required');
    if (pattern.regex !== undefined) {
      const problem = checkRe2(pattern.regex);
      if (problem) r.error(child(path, 'regex'), problem);
    }
  });
  (spec.apiKeys ?? []).forEach((apiKey, index) => {
    if (!apiKey.query && !apiKey.header && !apiKey.cookie) r.error(item('spec.apiKeys', index), 'one of query, header or cookie is required');
  });
}

function checkServiceRefs(services: readonly { readonly name?: string }[] | undefined, path: string, r: Reporter): void {
  if ((services ?? []).length === 0) r.error(path, 'at least one service is required');
  (services ?? []).forEach((service, index) => {
    if (!service.name) r.error(child(item(path, index), 'name'), 'service name is required');
  });
}

export function validateHTTPAPISpecBinding(spec: HTTPAPISpecBinding, r: Reporter, _ctx: ValidationContext): void {
  checkServiceRefs(spec.services, 'spec.services', r);
  checkServiceRefs(spec.apiSpecs, 'spec.apiSpecs', r);
}

export function validateQuotaSpec(spec: QuotaSpec, r: Reporter, _ctx: ValidationContext): void {
  const rules = spec.rules ?? [];
  if (rules.length === 0) r.error('spec.rules', 'at least one rule is required');
  rules.forEach((rule, index) => {
    const path = item('spec.rules', index);
    (rule.match ?? []).forEach((match, matchIndex) => {
      for (const [name, clause] of Object.entries(match.clause ?? {})) checkStringMatch(clause, key(child(item(child(path, 'match'), matchIndex), 'clause'), name), r);
    });
    if ((rule.quotas ?? []).length === 0) r.error(child(path, 'quotas'), 'at least one quota is required');
    (rule.quotas ?? []).forEach((quota, quotaIndex) => {
      const quotaPath = item(child(path, 'quotas'), quotaIndex);
      if (!quota.quota) r.error(child(quotaPath, 'quota'), 'quota name is required');
      if (quota.charge !== undefined && Number(quota.charge) <= 0) r.error(child(quotaPath, 'charge'), 'charge must be positive');
    });
  });
}

export function validateQuotaSpecBinding(spec: QuotaSpecBinding, r: Reporter, _ctx: ValidationContext): void {
  checkServiceRefs(spec.services, 'spec.services', r);
  checkServiceRefs(spec.quotaSpecs, 'spec.quotaSpecs', r);
}

/** Attribute vocabulary of Istio 1.3 (istioproxy + kubernetes manifests), for checking names in expressions. */
import { Expression } from './ast';

const PREFIXED = ['origin', 'check', 'request.auth.claims'];

export const KNOWN_ATTRIBUTES: ReadonlySet<string> = new Set([
  'origin.ip', 'origin.uid', 'origin.user',
  'request.headers', 'request.id', 'request.host', 'request.method', 'request.path', 'request.url_path', 'request.query_params',
  'request.reason', 'request.referer', 'request.scheme', 'request.total_size', 'request.size', 'request.time', 'request.useragent',
  'response.code', 'response.duration', 'response.headers', 'response.total_size', 'response.size', 'response.time',
  'response.grpc_status', 'response.grpc_message',
  'source.uid', 'source.user', 'source.principal', 'source.ip', 'source.labels', 'source.name', 'source.namespace', 'source.owner',
  'source.serviceAccount', 'source.services', 'source.workload.uid', 'source.workload.name', 'source.workload.namespace',
  'destination.uid', 'destination.principal', 'destination.port', 'destination.ip', 'destination.labels', 'destination.name',
  'destination.namespace', 'destination.owner', 'destination.serviceAccount', 'destination.user', 'destination.container.name',
  'destination.container.image', 'destination.workload.uid', 'destination.workload.name', 'destination.workload.namespace',
  'destination.service', 'destination.service.uid', 'destination.service.name', 'destination.service.namespace', 'destination.service.host',
  'connection.event', 'connection.id', 'connection.received.bytes', 'connection.received.bytes_total', 'connection.sent.bytes',
  'connection.sent.bytes_total', 'connection.duration', 'connection.mtls', 'connection.requested_server_name',
  'context.protocol', 'context.proxy_error_code', 'context.time', 'context.timestamp', 'context.reporter.kind', 'context.reporter.uid',
  'context.reporter.local', 'api.service', 'api.version', 'api.operation', 'api.protocol',
  'request.auth.principal', 'request.auth.audiences', 'request.auth.presenter', 'request.auth.claims', 'request.auth.raw_claims',
  'request.api_key', 'check.error_code', 'check.error_message', 'check.cache_hit', 'quota.cache_hit',
  'rbac.permissive.response_code', 'rbac.permissive.effective_policy_id',
]);

/** Attribute names an expression refers to (for warnings on unknown attributes). */
export function referencedAttributes(expression: Expression, into: string[] = []): string[] {
  switch (expression.type) {
    case 'variable':
      into.push(expression.name);
      break;
    case 'index':
      referencedAttributes(expression.target, into);
      referencedAttributes(expression.key, into);
      break;
    case 'call':
      expression.args.forEach((arg) => referencedAttributes(arg, into));
      break;
    case 'constant':
      break;
  }
  return into;
}

export function isKnownAttribute(name: string): boolean {
  return KNOWN_ATTRIBUTES.has(name) || name.startsWith('$') || PREFIXED.some((prefix) => name.startsWith(`${prefix}.`));
}

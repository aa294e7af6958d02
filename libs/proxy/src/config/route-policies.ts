import { EXTENSION_TYPE_NAMES, typeNameOf, type CorsPolicy__Output, type HeaderValueOption__Output, type HTTPFault__Output, type RetryPolicy__Output } from '@isthmus/protos';
import { fail, rejectUnsupported } from './errors';
import { compileHeaderMatcher } from './route-match';
import { compileStringMatcher } from './string-matcher';
import { unpackTyped } from './tls-config';
import type { CorsConfig, FaultConfig, HeaderMutations, RetryConfig } from './types';
import { durationMs, fractionOf, wrapped } from './values';

const FAULT_TYPE = EXTENSION_TYPE_NAMES.fault;
const CORS_POLICY_TYPE = 'envoy.config.route.v3.CorsPolicy';

export const NO_MUTATIONS: HeaderMutations = { requestAdd: [], requestRemove: [], responseAdd: [], responseRemove: [] };

export function compileMutations(
  source: {
    request_headers_to_add?: HeaderValueOption__Output[];
    request_headers_to_remove?: string[];
    response_headers_to_add?: HeaderValueOption__Output[];
    response_headers_to_remove?: string[];
  },
  path: string,
): HeaderMutations {
  const options = (list: HeaderValueOption__Output[] | undefined, field: string) =>
    (list ?? []).map((option, index) => {
      const optionPath = `${path}.${field}[${index}]`;
      rejectUnsupported(option, optionPath, ['header', 'append', 'keep_empty_value'], { append_action: 'APPEND_IF_EXISTS_OR_ADD' });
      const appendAction = String(option.append_action);
      if (appendAction !== 'APPEND_IF_EXISTS_OR_ADD' && appendAction !== 'OVERWRITE_IF_EXISTS_OR_ADD') {
        fail(`${optionPath}.append_action`, `${appendAction} is not supported`);
      }
      return {
        name: (option.header?.key ?? '').toLowerCase(),
        value: option.header?.value ?? '',
        append: appendAction === 'OVERWRITE_IF_EXISTS_OR_ADD' ? false : wrapped(option.append, true),
      };
    });
  const requestAdd = options(source.request_headers_to_add, 'request_headers_to_add');
  const responseAdd = options(source.response_headers_to_add, 'response_headers_to_add');
  const requestRemove = (source.request_headers_to_remove ?? []).map((name) => name.toLowerCase());
  const responseRemove = (source.response_headers_to_remove ?? []).map((name) => name.toLowerCase());
  if (requestAdd.length + responseAdd.length + requestRemove.length + responseRemove.length === 0) return NO_MUTATIONS;
  return { requestAdd, requestRemove, responseAdd, responseRemove };
}

const GRPC_RETRY_STATUSES: Record<string, number> = { cancelled: 1, 'deadline-exceeded': 4, 'resource-exhausted': 8, unavailable: 14, internal: 13 };
const RETRY_ON = new Set([
  '5xx', 'gateway-error', 'reset', 'connect-failure', 'retriable-4xx', 'refused-stream', 'retriable-status-codes',
  ...Object.keys(GRPC_RETRY_STATUSES),
]);
const PREVIOUS_HOSTS = ['envoy.retry_host_predicates.previous_hosts', 'envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate'];

export function compileRetry(policy: RetryPolicy__Output | null, path: string): RetryConfig | undefined {
  if (!policy) return undefined;
  rejectUnsupported(policy, path, [
    'retry_on', 'num_retries', 'per_try_timeout', 'retriable_status_codes', 'retry_back_off', 'retry_host_predicate',
    'host_selection_retry_max_attempts',
  ]);
  policy.retry_host_predicate.forEach((predicate, index) => {
    if (!PREVIOUS_HOSTS.includes(predicate.name)) fail(`${path}.retry_host_predicate[${index}].name`, `retry host predicate ${predicate.name} is not supported`);
  });
  const conditions = policy.retry_on
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  for (const condition of conditions) if (!RETRY_ON.has(condition)) fail(`${path}.retry_on`, `retry condition "${condition}" is not supported`);
  const has = (name: string) => conditions.includes(name);
  const baseIntervalMs = durationMs(policy.retry_back_off?.base_interval, 25);
  return {
    numRetries: wrapped(policy.num_retries, 1),
    perTryTimeoutMs: durationMs(policy.per_try_timeout, 0),
    on5xx: has('5xx'),
    onGatewayError: has('gateway-error'),
    onReset: has('reset'),
    onConnectFailure: has('connect-failure'),
    onRetriable4xx: has('retriable-4xx'),
    onRefusedStream: has('refused-stream'),
    retriableStatusCodes: new Set(has('retriable-status-codes') ? policy.retriable_status_codes : []),
    grpcStatuses: new Set(conditions.filter((name) => name in GRPC_RETRY_STATUSES).map((name) => GRPC_RETRY_STATUSES[name])),
    baseIntervalMs,
    maxIntervalMs: durationMs(policy.retry_back_off?.max_interval, baseIntervalMs * 10),
  };
}

export function compileFault(fault: HTTPFault__Output, path: string): FaultConfig {
  rejectUnsupported(fault, path, ['delay', 'abort', 'headers']);
  let delayMs = 0;
  let delayFraction = 0;
  if (fault.delay) {
    rejectUnsupported(fault.delay, `${path}.delay`, ['fixed_delay', 'percentage', 'fault_delay_secifier']);
    if (fault.delay.fault_delay_secifier !== 'fixed_delay') fail(`${path}.delay`, 'only fixed_delay is supported');
    delayMs = durationMs(fault.delay.fixed_delay, 0);
    delayFraction = fractionOf(fault.delay.percentage, `${path}.delay.percentage`, 0);
  }
  let abortHttpStatus = 0;
  let abortGrpcStatus = -1;
  let abortFraction = 0;
  if (fault.abort) {
    rejectUnsupported(fault.abort, `${path}.abort`, ['http_status', 'grpc_status', 'percentage', 'error_type']);
    if (fault.abort.error_type === 'http_status') abortHttpStatus = fault.abort.http_status ?? 0;
    else if (fault.abort.error_type === 'grpc_status') abortGrpcStatus = fault.abort.grpc_status ?? 0;
    else fail(`${path}.abort`, `abort type ${String(fault.abort.error_type)} is not supported`);
    if (abortHttpStatus !== 0 && (abortHttpStatus < 200 || abortHttpStatus > 599)) fail(`${path}.abort.http_status`, 'must be 200..599');
    abortFraction = fractionOf(fault.abort.percentage, `${path}.abort.percentage`, 0);
  }
  return {
    delayMs,
    delayFraction,
    abortHttpStatus,
    abortGrpcStatus,
    abortFraction,
    headers: fault.headers.map((header, index) => compileHeaderMatcher(header, `${path}.headers[${index}]`)),
  };
}

export function compileCors(cors: CorsPolicy__Output | null | undefined, path: string): CorsConfig | undefined {
  if (!cors) return undefined;
  rejectUnsupported(cors, path, ['allow_origin_string_match', 'allow_methods', 'allow_headers', 'expose_headers', 'max_age', 'allow_credentials', 'enabled_specifier']);
  if (cors.filter_enabled && (cors.filter_enabled.default_value?.numerator ?? 0) === 0) return undefined;
  return {
    allowOrigin: cors.allow_origin_string_match.map((matcher, index) => compileStringMatcher(matcher, `${path}.allow_origin_string_match[${index}]`)),
    allowMethods: cors.allow_methods,
    allowHeaders: cors.allow_headers,
    exposeHeaders: cors.expose_headers,
    maxAge: cors.max_age,
    allowCredentials: wrapped(cors.allow_credentials, false),
  };
}

type AnyLike = { type_url?: string; value?: Buffer | Uint8Array | null };

/** Per-route/vhost filter overrides: fault and CORS are honoured; any other filter override is refused by name. */
export function compilePerFilterConfig(
  typed: Readonly<Record<string, AnyLike>> | undefined,
  path: string,
): { fault?: FaultConfig; cors?: CorsConfig } {
  const result: { fault?: FaultConfig; cors?: CorsConfig } = {};
  for (const [name, any] of Object.entries(typed ?? {})) {
    const entryPath = `${path}.typed_per_filter_config["${name}"]`;
    const typeName = typeNameOf(any.type_url ?? '');
    if (typeName === FAULT_TYPE) result.fault = compileFault(unpackTyped<HTTPFault__Output>(any, entryPath, FAULT_TYPE), entryPath);
    else if (typeName === CORS_POLICY_TYPE) result.cors = compileCors(unpackTyped<CorsPolicy__Output>(any, entryPath, CORS_POLICY_TYPE), entryPath);
    else fail(entryPath, `per-route config of type ${typeName || '(none)'} is not supported`);
  }
  return result;
}

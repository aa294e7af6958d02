import {
  formatProblem,
  istioSchemas,
  validateObject,
  type ConfigProblem,
  type SchemaRegistry,
} from '@isthmus/config-model';

export type WebhookEndpoint = 'pilot' | 'mixer';

/** The parts of an AdmissionReview (admission.k8s.io v1 or v1beta1, same shape) the webhook reads. */
export interface AdmissionRequest {
  readonly uid: string;
  readonly kind?: { group?: string; version?: string; kind?: string };
  readonly operation?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly object?: unknown;
}

export interface AdmissionReviewResponse {
  readonly apiVersion: string;
  readonly kind: 'AdmissionReview';
  readonly response: {
    readonly uid: string;
    readonly allowed: boolean;
    readonly status?: { code: number; reason: string; message: string };
    readonly warnings?: string[];
  };
}

export type AdmissionVerdict =
  { allowed: true; warnings: string[] } | { allowed: false; message: string; problems: readonly ConfigProblem[] };

const SUPPORTED_VERSIONS = ['admission.k8s.io/v1', 'admission.k8s.io/v1beta1'];

/**
 * Decides one admission request (pure): the object is validated by @isthmus/config-model; a denial names the
 * resource, the field path and the problem. Deletes are always allowed; a kind the endpoint does not own is denied.
 */
export function admit(
  request: AdmissionRequest,
  endpoint: WebhookEndpoint,
  registry: SchemaRegistry = istioSchemas,
): AdmissionVerdict {
  if (request.operation === 'DELETE' || request.operation === 'CONNECT') return { allowed: true, warnings: [] };
  const object = request.object as
    { apiVersion?: string; kind?: string; metadata?: { namespace?: string } } | undefined;
  if (!object || typeof object !== 'object') {
    return { allowed: false, message: 'admission request has no object', problems: [] };
  }
  const descriptor = registry.lookup(object.apiVersion ?? '', object.kind ?? '');
  if (!descriptor || descriptor.webhook !== endpoint) {
    return {
      allowed: false,
      message: `unrecognized type ${object.kind ?? '(none)'} (${object.apiVersion ?? 'no apiVersion'}) for /admit${endpoint}`,
      problems: [],
    };
  }
  const withNamespace =
    descriptor.scope === 'Namespaced' && !object.metadata?.namespace && request.namespace
      ? { ...object, metadata: { ...object.metadata, namespace: request.namespace } }
      : object;
  const { problems } = validateObject(withNamespace, { registry });
  const errors = problems.filter((problem) => problem.severity === 'error');
  const warnings = problems.filter((problem) => problem.severity === 'warning').map(formatProblem);
  if (errors.length === 0) return { allowed: true, warnings };
  return {
    allowed: false,
    message: `admission webhook denied: ${errors.map(formatProblem).join('; ')}`,
    problems: errors,
  };
}

/** Wraps a verdict in the AdmissionReview of the request's own API version (v1 or v1beta1). */
export function reviewResponse(apiVersion: string, uid: string, verdict: AdmissionVerdict): AdmissionReviewResponse {
  return {
    apiVersion: SUPPORTED_VERSIONS.includes(apiVersion) ? apiVersion : 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    response: verdict.allowed
      ? { uid, allowed: true, ...(verdict.warnings.length ? { warnings: verdict.warnings } : {}) }
      : { uid, allowed: false, status: { code: 400, reason: 'Invalid', message: verdict.message } },
  };
}

/** Parses a request body into (apiVersion, request), or an error naming what is wrong. */
export function parseReview(
  body: unknown,
): { ok: true; apiVersion: string; request: AdmissionRequest } | { ok: false; error: string } {
  if (!body || typeof body !== 'object') return { ok: false, error: 'body is not an AdmissionReview object' };
  const review = body as { apiVersion?: unknown; kind?: unknown; request?: { uid?: unknown } };
  if (review.kind !== 'AdmissionReview')
    return { ok: false, error: `kind is ${JSON.stringify(review.kind)}, expected "AdmissionReview"` };
  if (typeof review.apiVersion !== 'string' || !SUPPORTED_VERSIONS.includes(review.apiVersion)) {
    return {
      ok: false,
      error: `apiVersion ${JSON.stringify(review.apiVersion)} is not one of ${SUPPORTED_VERSIONS.join(', ')}`,
    };
  }
  if (!review.request || typeof review.request.uid !== 'string') return { ok: false, error: 'request.uid is missing' };
  return { ok: true, apiVersion: review.apiVersion, request: review.request as AdmissionRequest };
}

/**
 * Rewrites deprecated fields into their replacements after the structural check has warned about them, so consumers
 * only see current fields: fault `percent` → `percentage.value`, the append/remove header fields → `headers`,
 * EnvoyFilter `workloadLabels` → `workloadSelector.labels`, Subject `group` → `groups`, mTLS `allowTls` → mode.
 * Pure: returns new objects.
 */
import { Policy } from '../types/authentication';
import { ServiceRoleBinding } from '../types/rbac';
import { EnvoyFilter } from '../types/sidecar';
import { Headers, HTTPFaultInjection, HTTPRoute, HTTPRouteDestination, VirtualService } from '../types/virtual-service';

type LegacyHeaders = Pick<HTTPRoute, 'appendHeaders' | 'appendRequestHeaders' | 'appendResponseHeaders' | 'removeRequestHeaders' | 'removeResponseHeaders'>;

function mergeLegacyHeaders(headers: Headers | undefined, legacy: LegacyHeaders): Headers | undefined {
  const requestAdd = { ...legacy.appendHeaders, ...legacy.appendRequestHeaders };
  const hasLegacy =
    Object.keys(requestAdd).length > 0 || legacy.appendResponseHeaders || legacy.removeRequestHeaders || legacy.removeResponseHeaders;
  if (!hasLegacy) return headers;
  const request = headers?.request ?? {};
  const response = headers?.response ?? {};
  return {
    request: {
      ...request,
      ...(Object.keys(requestAdd).length > 0 ? { add: { ...requestAdd, ...request.add } } : {}),
      ...(legacy.removeRequestHeaders ? { remove: [...(request.remove ?? []), ...legacy.removeRequestHeaders] } : {}),
    },
    response: {
      ...response,
      ...(legacy.appendResponseHeaders ? { add: { ...legacy.appendResponseHeaders, ...response.add } } : {}),
      ...(legacy.removeResponseHeaders ? { remove: [...(response.remove ?? []), ...legacy.removeResponseHeaders] } : {}),
    },
  };
}

function withoutLegacy<T extends LegacyHeaders & { readonly headers?: Headers }>(value: T): T {
  const { appendHeaders: _a, appendRequestHeaders: _b, appendResponseHeaders: _c, removeRequestHeaders: _d, removeResponseHeaders: _e, ...rest } = value;
  const headers = mergeLegacyHeaders(value.headers, value);
  return (headers ? { ...rest, headers } : rest) as T;
}

function normalizeFault(fault: HTTPFaultInjection): HTTPFaultInjection {
  const out: { delay?: HTTPFaultInjection['delay']; abort?: HTTPFaultInjection['abort'] } = {};
  if (fault.delay) {
    const { percent, ...delay } = fault.delay;
    out.delay = percent !== undefined && delay.percentage === undefined ? { ...delay, percentage: { value: percent } } : delay;
  }
  if (fault.abort) {
    const { percent, ...abort } = fault.abort;
    out.abort = percent !== undefined && abort.percentage === undefined ? { ...abort, percentage: { value: percent } } : abort;
  }
  return out;
}

export function normalizeVirtualService(spec: VirtualService): VirtualService {
  if (!spec.http) return spec;
  return {
    ...spec,
    http: spec.http.map((route) => {
      const { websocketUpgrade: _ws, ...rest } = withoutLegacy(route);
      return {
        ...rest,
        ...(route.fault ? { fault: normalizeFault(route.fault) } : {}),
        ...(route.route ? { route: route.route.map((destination: HTTPRouteDestination) => withoutLegacy(destination)) } : {}),
      };
    }),
  };
}

export function normalizeEnvoyFilter(spec: EnvoyFilter): EnvoyFilter {
  if (!spec.workloadLabels) return spec;
  const { workloadLabels, ...rest } = spec;
  return rest.workloadSelector ? rest : { ...rest, workloadSelector: { labels: workloadLabels } };
}

/** `mtls: {}` means STRICT; the deprecated `allowTls: true` means PERMISSIVE. */
export function normalizePolicy(spec: Policy): Policy {
  if (!spec.peers) return spec;
  return {
    ...spec,
    peers: spec.peers.map((peer) => {
      if (!peer.mtls) return peer;
      const { allowTls, ...mtls } = peer.mtls;
      return { ...peer, mtls: { ...mtls, mode: mtls.mode ?? (allowTls ? 'PERMISSIVE' : 'STRICT') } };
    }),
  };
}

export function normalizeServiceRoleBinding(spec: ServiceRoleBinding): ServiceRoleBinding {
  if (!spec.subjects?.some((subject) => subject.group !== undefined)) return spec;
  return {
    ...spec,
    subjects: spec.subjects.map(({ group, ...subject }) => (group === undefined ? subject : { ...subject, groups: [...(subject.groups ?? []), group] })),
  };
}

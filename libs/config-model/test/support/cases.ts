/** Helpers for the table-driven validation specs (test-only; not exported from the package). */
import { validateObject } from '../../src/validation/validate';
import { ConfigProblem } from '../../src/validation/problems';

type Doc = Record<string, unknown>;

export const doc = (apiVersion: string, kind: string, spec: unknown, metadata: Doc = { name: 'sample', namespace: 'ns' }): Doc => ({ apiVersion, kind, metadata, spec });
export const vs = (spec: unknown) => doc('networking.istio.io/v1alpha3', 'VirtualService', spec);
export const dr = (spec: unknown) => doc('networking.istio.io/v1alpha3', 'DestinationRule', spec);
export const gw = (spec: unknown) => doc('networking.istio.io/v1alpha3', 'Gateway', spec);
export const se = (spec: unknown) => doc('networking.istio.io/v1alpha3', 'ServiceEntry', spec);
export const sidecar = (spec: unknown) => doc('networking.istio.io/v1alpha3', 'Sidecar', spec);
export const ef = (spec: unknown) => doc('networking.istio.io/v1alpha3', 'EnvoyFilter', spec);
export const policy = (spec: unknown, name = 'sample') => doc('authentication.istio.io/v1alpha1', 'Policy', spec, { name, namespace: 'ns' });
export const meshPolicy = (spec: unknown, name = 'default') => doc('authentication.istio.io/v1alpha1', 'MeshPolicy', spec, { name });
export const role = (spec: unknown) => doc('rbac.istio.io/v1alpha1', 'ServiceRole', spec);
export const binding = (spec: unknown) => doc('rbac.istio.io/v1alpha1', 'ServiceRoleBinding', spec);
export const rbacConfig = (spec: unknown, name = 'default') => doc('rbac.istio.io/v1alpha1', 'ClusterRbacConfig', spec, { name });
export const authzPolicy = (spec: unknown) => doc('rbac.istio.io/v1alpha1', 'AuthorizationPolicy', spec);
export const mixer = (kind: string, spec: unknown) => doc('config.istio.io/v1alpha2', kind, spec);

/** A route to `host`, for building VirtualServices. */
export const to = (host: string, extra: Doc = {}) => ({ destination: { host }, ...extra });

export type ValidCase = readonly [string, Doc];
/** [title, document, expected path, expected message fragment] */
export type InvalidCase = readonly [string, Doc, string, string];

export function errorsOf(document: Doc): ConfigProblem[] {
  return validateObject(document).problems.filter((problem) => problem.severity === 'error');
}

export function runCases(valid: readonly ValidCase[], invalid: readonly InvalidCase[]): void {
  if (valid.length > 0) {
    it.each(valid)('accepts %s', (_title, document) => {
      expect(errorsOf(document)).toEqual([]);
    });
  }
  if (invalid.length > 0) {
    it.each(invalid)('rejects %s', (_title, document, path, message) => {
      const errors = errorsOf(document);
      expect(errors).toContainEqual(expect.objectContaining({ path, message: expect.stringContaining(message) }));
    });
  }
}

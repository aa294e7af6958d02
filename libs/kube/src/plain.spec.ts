import { toPlainObject } from './plain';
import { collectionPath, CORE_V1, crdNameOf } from './resource-type';

describe('toPlainObject', () => {
  it('writes Dates as metav1.Time does and drops managedFields', () => {
    const object = { metadata: { name: 'a', creationTimestamp: new Date('2026-01-02T03:04:05Z'), managedFields: [{ manager: 'kubectl' }] }, spec: { x: 1 } };
    expect(toPlainObject(object)).toEqual({ metadata: { name: 'a', creationTimestamp: '2026-01-02T03:04:05Z' }, spec: { x: 1 } });
  });
});

describe('resource paths', () => {
  it('builds core and group collection paths and CRD names', () => {
    expect(collectionPath(CORE_V1.services)).toBe('/api/v1/services');
    const gw = { group: 'networking.istio.io', version: 'v1alpha3', kind: 'Gateway', plural: 'gateways', namespaced: true };
    expect(collectionPath(gw)).toBe('/apis/networking.istio.io/v1alpha3/gateways');
    expect(crdNameOf(gw)).toBe('gateways.networking.istio.io');
  });
});

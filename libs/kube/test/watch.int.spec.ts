import { ApiextensionsV1Api, CoreV1Api, CustomObjectsApi, type KubernetesObject, type V1CustomResourceDefinition } from '@kubernetes/client-node';
import { LogScopes } from '@isthmus/runtime';
import { eventually, isNotFound, kubeConfig, uniqueName, useNamespace } from '@isthmus/testenv';
import { CORE_V1, KubeWatchSet, WatchCache, type KubeResourceType, type WatchEventType } from '../src';

const logger = new LogScopes('kube-test', new Map([['default', 'warn']])).root;

describe('WatchCache (real API server)', () => {
  const ns = useNamespace('kube-watch');

  it('lists existing objects, then follows add, update and delete', async () => {
    const core = ns.kc.makeApiClient(CoreV1Api);
    const service = (name: string, port: number) => ({ metadata: { name, namespace: ns.name }, spec: { ports: [{ port }] } });
    await core.createNamespacedService({ namespace: ns.name, body: service('before', 80) });
    const cache = new WatchCache({ kubeConfig: ns.kc, type: CORE_V1.services, logger });
    const events: string[] = [];
    cache.onEvent((event, object) => {
      if (object.metadata?.namespace === ns.name) events.push(`${event} ${object.metadata?.name}`);
    });
    await cache.start();
    try {
      expect(cache.hasSynced()).toBe(true);
      expect(cache.get('before', ns.name)).toBeDefined();
      const listed = cache.get('before', ns.name) as { metadata: { creationTimestamp: unknown } };
      expect(typeof listed.metadata.creationTimestamp).toBe('string');
      await core.createNamespacedService({ namespace: ns.name, body: service('after', 81) });
      await eventually('add event', async () => (events.includes('add after') ? true : undefined), 5000, 20);
      await core.patchNamespacedService({ name: 'after', namespace: ns.name, body: [{ op: 'add', path: '/metadata/labels', value: { v: '2' } }] });
      await eventually('update event', async () => (events.includes('update after') ? true : undefined), 5000, 20);
      await core.deleteNamespacedService({ name: 'after', namespace: ns.name });
      await eventually('delete event', async () => (events.includes('delete after') ? true : undefined), 5000, 20);
      expect(cache.get('after', ns.name)).toBeUndefined();
    } finally {
      await cache.stop();
    }
  });
});

describe('KubeWatchSet with a CRD installed after start', () => {
  const group = `${uniqueName('w')}.isthmus.dev`;
  const type: KubeResourceType = { group, version: 'v1', kind: 'Gadget', plural: 'gadgets', namespaced: true };
  const crd: V1CustomResourceDefinition = {
    metadata: { name: `gadgets.${group}` },
    spec: {
      group,
      scope: 'Namespaced',
      names: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList' },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', x_kubernetes_preserve_unknown_fields: true } } }],
    },
  };
  const ext = kubeConfig().makeApiClient(ApiextensionsV1Api);
  afterAll(async () => {
    await ext.deleteCustomResourceDefinition({ name: crd.metadata?.name ?? '' }).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
    });
  });

  it('is synced without the CRD, starts watching once it is established, and deletes when it goes', async () => {
    const set = new KubeWatchSet({ kubeConfig: kubeConfig(), logger, types: [CORE_V1.namespaces, type], backoff: { initialMs: 50, maxMs: 500 } });
    const events: string[] = [];
    set.onEvent((t: KubeResourceType, event: WatchEventType, object: KubernetesObject) => {
      if (t === type) events.push(`${event} ${object.metadata?.name}`);
    });
    await set.start();
    try {
      expect(set.hasSynced()).toBe(true);
      expect(set.status().find((s) => s.type.startsWith('Gadget'))?.state).toBe('waiting-for-crd');
      await ext.createCustomResourceDefinition({ body: crd });
      const custom = kubeConfig().makeApiClient(CustomObjectsApi);
      await eventually('the custom resource to be created', () =>
        custom.createNamespacedCustomObject({ group, version: 'v1', namespace: 'default', plural: 'gadgets', body: { apiVersion: `${group}/v1`, kind: 'Gadget', metadata: { name: 'g1' }, spec: { size: 1 } } }),
      );
      await eventually('the watch set to see it', async () => (events.includes('add g1') ? true : undefined), 15_000, 50);
      expect(set.list(type).map((o) => o.metadata?.name)).toEqual(['g1']);
      await ext.deleteCustomResourceDefinition({ name: crd.metadata?.name ?? '' });
      await eventually('the delete after the CRD went away', async () => (events.includes('delete g1') ? true : undefined), 30_000, 100);
    } finally {
      await set.stop();
    }
  });
});

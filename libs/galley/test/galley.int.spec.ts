import { CustomObjectsApi, CoreV1Api, KubernetesObjectApi } from '@kubernetes/client-node';
import { Kafka } from 'kafkajs';
import type { McpSinkClient } from '@isthmus/mcp';
import { eventually, kafkaBrokers, kafkaConfig, uniqueName, useNamespace } from '@isthmus/testenv';
import { CONFIG_EVENTS_TOPIC, type ConfigAuditEvent, type GalleyServer } from '../src';
import { installIstioCrds } from './support/crds';
import { ALL_COLLECTIONS, startGalley, startSink, within } from './support/galley';
import { usePrivateTestenv } from './support/private-env';

usePrivateTestenv();

const VS = 'istio/networking/v1alpha3/virtualservices';
const vsBody = (name: string, hosts: string[]) => ({
  apiVersion: 'networking.istio.io/v1alpha3',
  kind: 'VirtualService',
  metadata: { name },
  spec: { hosts, http: [{ route: [{ destination: { host: hosts[0] } }] }] },
});

describe('Galley on the real API server and Kafka', () => {
  const ns = useNamespace('galley');
  let galley: GalleyServer;
  let port: number;
  let registry: import('prom-client').Registry;
  let readiness: import('@isthmus/runtime').Readiness;
  const sinks: McpSinkClient[] = [];

  beforeAll(async () => {
    await installIstioCrds(ns.kc);
  });
  beforeEach(async () => {
    ({ galley, port, registry, readiness } = await startGalley({ kubeConfig: ns.kc, kafka: { brokers: kafkaBrokers() }, writeStatus: true }));
  });
  afterEach(async () => {
    for (const sink of sinks.splice(0)) sink.stop();
    await galley.stop();
  });

  const vsIn = (sink: McpSinkClient, name: string) => sink.resources(ALL_COLLECTIONS.find((c) => c.collection === VS) as never).get(`${ns.name}/${name}`) as { value: { hosts: string[] } } | undefined;

  it('is ready after the initial sync and serves every collection; create, update and delete reach a sink within 1 s', async () => {
    expect(readiness.report().ready).toBe(true);
    const sink = startSink(port, 'pilot-1');
    sinks.push(sink);
    await sink.synced();
    expect([...sink.versions().keys()].sort()).toEqual(ALL_COLLECTIONS.map((c) => c.collection).sort());
    expect(sink.versions().size).toBe(28); // 23 Istio kinds + 5 k8s/core kinds
    const namespaces = sink.resources(ALL_COLLECTIONS.find((c) => c.collection === 'k8s/core/v1/namespaces') as never);
    expect(namespaces.has(ns.name)).toBe(true);

    const objects = KubernetesObjectApi.makeApiClient(ns.kc);
    const created = { ...vsBody('trader', ['trader']), metadata: { name: 'trader', namespace: ns.name } };
    await objects.create(created as never);
    await within(1000, 'create', () => vsIn(sink, 'trader'));

    const existing = await objects.read(created as never);
    await objects.replace({ ...existing, spec: vsBody('trader', ['trader', 'trader.example.com']).spec } as never);
    await within(1000, 'update', () => (vsIn(sink, 'trader')?.value.hosts.length === 2 ? true : undefined));

    await objects.delete(created as never);
    await within(1000, 'delete', () => (vsIn(sink, 'trader') ? undefined : true));

    const core = ns.kc.makeApiClient(CoreV1Api);
    await core.createNamespacedService({ namespace: ns.name, body: { metadata: { name: 'quotes' }, spec: { ports: [{ port: 9080 }] } } });
    const services = ALL_COLLECTIONS.find((c) => c.collection === 'k8s/core/v1/services') as never;
    await within(1000, 'service', () => sink.resources(services).get(`${ns.name}/quotes`));
  });

  it('leaves an invalid resource out, keeps the last good version, counts it and sets a status condition', async () => {
    const sink = startSink(port, 'pilot-2');
    sinks.push(sink);
    await sink.synced();
    const custom = ns.kc.makeApiClient(CustomObjectsApi);
    const target = { group: 'networking.istio.io', version: 'v1alpha3', namespace: ns.name, plural: 'virtualservices' };
    await custom.createNamespacedCustomObject({ ...target, body: vsBody('good', ['trader']) });
    await within(2000, 'good VS', () => vsIn(sink, 'good'));
    // Well-typed (the CRD schema accepts it) but semantically invalid: weights sum to 90.
    const split = [{ destination: { host: 'trader', subset: 'v1' }, weight: 60 }, { destination: { host: 'trader', subset: 'v2' }, weight: 30 }];
    const bad = { ...vsBody('bad', ['trader']), spec: { hosts: ['trader'], http: [{ route: split }] } };
    await custom.createNamespacedCustomObject({ ...target, body: bad });
    const current = (await custom.getNamespacedCustomObject({ ...target, name: 'good' })) as { metadata: { resourceVersion: string } };
    await custom.replaceNamespacedCustomObject({ ...target, name: 'good', body: { ...bad, metadata: { name: 'good', resourceVersion: current.metadata.resourceVersion } } });

    const status = await eventually('the Valid=False condition', async () => {
      const got = (await custom.getNamespacedCustomObject({ ...target, name: 'bad' })) as { status?: { conditions?: { type: string; status: string; message: string }[] } };
      return got.status?.conditions?.find((c) => c.type === 'Valid' && c.status === 'False');
    }, 10_000, 50);
    expect(status.message).toContain('spec.http[0].route: weights of the 2 destinations sum to 90, must be 100');
    await eventually('the good VS to be rejected after its bad update', async () => (galley.pipeline.rejections().some((r) => r.raw.name === 'good') ? true : undefined), 5000, 20);
    expect(vsIn(sink, 'bad')).toBeUndefined();
    expect(vsIn(sink, 'good')?.value.hosts).toEqual(['trader']); // last good version still served
    expect(await registry.getSingleMetricAsString('galley_validation_failed')).toContain('galley_validation_failed{kind="VirtualService"} 2');
  });

  it('publishes accepted changes to the config audit topic', async () => {
    const name = uniqueName('audited');
    const custom = ns.kc.makeApiClient(CustomObjectsApi);
    await custom.createNamespacedCustomObject({ group: 'networking.istio.io', version: 'v1alpha3', namespace: ns.name, plural: 'virtualservices', body: vsBody(name, ['audit']) });
    const consumer = new Kafka(kafkaConfig()).consumer({ groupId: uniqueName('audit-reader') });
    try {
      const admin = new Kafka(kafkaConfig()).admin();
      await admin.connect();
      await eventually('the audit topic to exist', async () => ((await admin.listTopics()).includes(CONFIG_EVENTS_TOPIC) ? true : undefined), 20_000, 100).finally(() => admin.disconnect());
      await consumer.connect();
      await consumer.subscribe({ topic: CONFIG_EVENTS_TOPIC, fromBeginning: true });
      const event = await new Promise<ConfigAuditEvent>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no audit event')), 30_000);
        void consumer.run({
          eachMessage: async ({ message }) => {
            const value = JSON.parse(message.value?.toString() ?? '{}') as ConfigAuditEvent;
            if (value.name === name && value.namespace === ns.name) {
              clearTimeout(timer);
              resolve(value);
            }
          },
        });
      });
      expect(event).toMatchObject({ operation: 'CREATE', kind: 'VirtualService', collection: VS, source: 'galley' });
      expect(event.contentHash).toMatch(/^[0-9a-f]{16}$/);
      expect(Number(event.version)).toBeGreaterThan(0); // the Kubernetes resourceVersion
      expect(Date.parse(event.time)).not.toBeNaN();
    } finally {
      await consumer.disconnect();
    }
  });

  it('after a restart sinks reconnect and end on identical versions', async () => {
    const first = startSink(port, 'pilot-a');
    const second = startSink(port, 'mixer-b', { incremental: true });
    sinks.push(first, second);
    await Promise.all([first.synced(), second.synced()]);
    await galley.stop();
    const custom = ns.kc.makeApiClient(CustomObjectsApi);
    await custom.createNamespacedCustomObject({ group: 'networking.istio.io', version: 'v1alpha3', namespace: ns.name, plural: 'virtualservices', body: vsBody('while-down', ['x']) });
    ({ galley } = await startGalley({ kubeConfig: ns.kc, mcpPort: port }));
    const served = () => new Map([...galley.cache.current().snapshot.collections].map(([name, collection]) => [name, collection.version]));
    await eventually(
      'both sinks to converge on the restarted Galley',
      async () => (sameVersions(first.versions(), served()) && sameVersions(second.versions(), served()) ? true : undefined),
      10_000,
      20,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; served ${JSON.stringify([...served()])}; first ${JSON.stringify([...first.versions()])}; state ${first.state()} ${first.lastError()}`);
    });
    expect(vsIn(first, 'while-down')).toBeDefined();
    expect(first.versions()).toEqual(second.versions());
  });
});

function sameVersions(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
}

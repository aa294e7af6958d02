import { Snapshot } from '@isthmus/xds';
import { edsCluster, endpoints, simpleRoute, startTestAdsServer, waitFor, type TestAdsServer } from '@isthmus/xds/testing';
import { freePort } from '@isthmus/runtime/testing';
import { buildNode, ProxyEngine, XdsSubscriber } from '../src';
import { get, startBackend, type Backend } from './backends';
import { rawHttpListener, routerFilter } from './fixtures';

/** The proxy driven by a real ADS server over gRPC on loopback (libs/xds). */
describe('xDS over real gRPC', () => {
  const node = buildNode({ type: 'router', ip: '127.0.0.1', id: 'gw-1.istio-system', namespace: 'istio-system', domain: 'istio-system.svc.cluster.local', serviceCluster: 'istio-ingressgateway' });
  let server: TestAdsServer;
  let engine: ProxyEngine;
  let subscriber: XdsSubscriber;
  let v1: Backend;
  let v2: Backend;
  let listenerPort: number;
  const nacks: string[] = [];

  const snapshot = (backendPort: number, listener = rawHttpListener('gateway', listenerPort, { routeName: 'http.80' })) =>
    Snapshot.fromObjects({
      clusters: [edsCluster('outbound|80||web.default.svc.cluster.local')],
      endpoints: [endpoints('outbound|80||web.default.svc.cluster.local', [`127.0.0.1:${backendPort}`])],
      listeners: [listener],
      routes: [simpleRoute('http.80', ['*'], 'outbound|80||web.default.svc.cluster.local')],
    });

  beforeAll(async () => {
    v1 = await startBackend('v1');
    v2 = await startBackend('v2');
    listenerPort = await freePort();
    server = await startTestAdsServer({
      callbacks: { onNack: (_connection, _type, _version, _nonce, message) => nacks.push(String(message)) },
    });
    engine = new ProxyEngine({ drainMs: 200 });
    subscriber = new XdsSubscriber(engine, { address: server.address, node, backoff: { initialMs: 50, maxMs: 200 } });
    expect(server.cache.setSnapshot(node.id ?? '', snapshot(v1.port)).ok).toBe(true);
    subscriber.start();
  });

  afterAll(async () => {
    subscriber.close();
    await engine.close();
    await server.stop();
    await v1.close();
    await v2.close();
  });

  it('uses Istio node ids', () => {
    expect(node.id).toBe('router~127.0.0.1~gw-1.istio-system~istio-system.svc.cluster.local');
  });

  it('subscribes CDS, EDS, LDS and RDS, warms, binds and serves', async () => {
    await waitFor(() => engine.ready, 'proxy ready');
    const response = await get(listenerPort, '/', { host: 'web' });
    expect(JSON.parse(response.text).backend).toBe('v1');
    expect(subscriber.status().map((status) => status.acks > 0)).toEqual([true, true, true, true]);
  });

  it('follows endpoint changes', async () => {
    server.cache.setSnapshot(node.id ?? '', snapshot(v2.port));
    let backend = '';
    for (let attempt = 0; attempt < 100 && backend !== 'v2'; attempt++) {
      backend = JSON.parse((await get(listenerPort, '/', { host: 'web' })).text).backend;
      if (backend !== 'v2') await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(backend).toBe('v2');
  });

  it('NACKs an unsupported HTTP filter, naming it, and keeps serving the previous listener', async () => {
    // Istio 1.3's Mixer telemetry filter: not something the proxy implements.
    const mixer = { name: 'mixer' };
    const bad = rawHttpListener('gateway', listenerPort, { routeName: 'http.80', filters: [mixer, routerFilter()] });
    server.cache.setSnapshot(node.id ?? '', snapshot(v2.port, bad));
    await waitFor(() => nacks.length > 0, 'a NACK');
    expect(nacks[0]).toContain('HTTP filter mixer is not supported');
    expect(nacks[0]).toContain('listener gateway');
    const status = subscriber.status().find((entry) => entry.typeUrl.endsWith('Listener'));
    expect(status?.lastError).toContain('is not supported');
    expect(JSON.parse((await get(listenerPort, '/', { host: 'web' })).text).backend).toBe('v2');
  });

  it('keeps serving while the control plane is down and resubscribes when it is back', async () => {
    const port = server.port;
    await server.stop();
    await waitFor(() => !subscriber.connected, 'disconnect');
    expect(JSON.parse((await get(listenerPort, '/', { host: 'web' })).text).backend).toBe('v2');
    server = await startTestAdsServer({ port });
    server.cache.setSnapshot(node.id ?? '', snapshot(v1.port));
    await waitFor(() => subscriber.connected, 'reconnect', 10_000);
    let backend = '';
    for (let attempt = 0; attempt < 200 && backend !== 'v1'; attempt++) {
      backend = JSON.parse((await get(listenerPort, '/', { host: 'web' })).text).backend;
      if (backend !== 'v1') await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(backend).toBe('v1');
  });
});

describe('node bootstrap', () => {
  it('encodes metadata (labels, namespace) so a control plane can read it', () => {
    const { envoyCodec } = jest.requireActual<typeof import('@isthmus/protos')>('@isthmus/protos');
    const node = buildNode({ type: 'sidecar', ip: '10.1.0.5', id: 'trader-1.stock', namespace: 'stock', domain: 'stock.svc.cluster.local', serviceCluster: 'trader', labels: { app: 'trader', version: 'v1' } });
    const decoded = envoyCodec().unpack<{ metadata: { fields: Record<string, { structValue?: { fields: Record<string, { stringValue: string }> }; stringValue?: string }> } }>(envoyCodec().pack('envoy.config.core.v3.Node', node));
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.value.metadata.fields['NAMESPACE'].stringValue).toBe('stock');
    expect(decoded.value.metadata.fields['LABELS'].structValue?.fields['version'].stringValue).toBe('v1');
    expect(node.id).toBe('sidecar~10.1.0.5~trader-1.stock~stock.svc.cluster.local');
  });
});

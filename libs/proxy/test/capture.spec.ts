import { XDS_TYPE_NAMES, type Listener__Output } from '@isthmus/protos';
import { freePort } from '@isthmus/runtime/testing';
import { ProxyEngine } from '../src';
import { get, startBackend, type Backend } from './backends';
import { decode, rawHttpListener, staticCluster } from './fixtures';

const route = (cluster: string) => ({
  name: cluster,
  virtual_hosts: [{ name: cluster, domains: ['*'], routes: [{ match: { prefix: '/' }, route: { cluster } }] }],
});

/** Sidecar capture: 15001-style listeners hand connections to the listener of their original destination. */
describe('capture listeners and local mode', () => {
  let inbound: Backend;
  let outbound: Backend;
  beforeAll(async () => {
    inbound = await startBackend('app');
    outbound = await startBackend('reviews');
  });
  afterAll(async () => {
    await inbound.close();
    await outbound.close();
  });

  const virtualListener = (name: string, port: number, cluster: string): Listener__Output =>
    decode(XDS_TYPE_NAMES.listener, { ...rawHttpListener(name, port, { routeConfig: route(cluster) }), address: { socket_address: { address: '0.0.0.0', port_value: port } }, bind_to_port: { value: false } });

  it('routes a captured connection by its original destination (SO_ORIGINAL_DST resolver)', async () => {
    const capturePort = await freePort();
    const servicePort = await freePort();
    const engine = new ProxyEngine({ drainMs: 100, originalDestination: () => ({ address: '10.96.0.30', port: servicePort }) });
    await engine.applyStatic({
      clusters: [staticCluster('outbound|reviews', [outbound.port]), staticCluster('PassthroughCluster', [inbound.port])],
      listeners: [
        decode(XDS_TYPE_NAMES.listener, {
          ...rawHttpListener('virtualOutbound', capturePort, { routeConfig: route('PassthroughCluster') }),
          use_original_dst: { value: true },
        }),
        virtualListener(`0.0.0.0_${servicePort}`, servicePort, 'outbound|reviews'),
      ],
    });
    // The service listener is not bound (bind_to_port false); the capture port hands the connection to it.
    expect(JSON.parse((await get(capturePort, '/ratings')).text).backend).toBe('reviews');
    expect(engine.stats.snapshot()[`listener.0.0.0.0_${servicePort}.downstream_cx_total`].value).toBe(1);
    await engine.close();
  });

  it('without a known original destination, the capture listener uses its own chains (passthrough)', async () => {
    const capturePort = await freePort();
    const engine = new ProxyEngine({ drainMs: 100, originalDestination: () => undefined });
    await engine.applyStatic({
      clusters: [staticCluster('PassthroughCluster', [inbound.port])],
      listeners: [decode(XDS_TYPE_NAMES.listener, { ...rawHttpListener('virtualOutbound', capturePort, { routeConfig: route('PassthroughCluster') }), use_original_dst: { value: true } })],
    });
    expect(JSON.parse((await get(capturePort, '/')).text).backend).toBe('app');
    await engine.close();
  });

  it('local mode binds bind_to_port=false listeners directly on loopback', async () => {
    const servicePort = await freePort();
    const engine = new ProxyEngine({ drainMs: 100, bindVirtualListeners: true, virtualBindAddress: '127.0.0.1' });
    await engine.applyStatic({
      clusters: [staticCluster('outbound|reviews', [outbound.port])],
      listeners: [virtualListener(`0.0.0.0_${servicePort}`, servicePort, 'outbound|reviews')],
    });
    expect(JSON.parse((await get(servicePort, '/')).text).backend).toBe('reviews');
    await engine.close();
  });
});

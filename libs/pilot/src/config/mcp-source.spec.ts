import * as grpc from '@grpc/grpc-js';
import { istioSchemas } from '@isthmus/config-model';
import { McpSourceService, SnapshotCache, makeEntry, snapshotFrom } from '@isthmus/mcp';
import { LogScopes } from '@isthmus/runtime';
import { McpConfigSource, PILOT_MCP_KINDS } from './mcp-source';

const logger = new LogScopes('test', new Map([['default', 'fatal']])).root;
const collection = (kind: string) => istioSchemas.byKind(kind)!.collection;

describe('McpConfigSource (real MCP source over loopback gRPC)', () => {
  it('turns MCP collections into validated config and skips an invalid resource', async () => {
    const cache = new SnapshotCache();
    const service = new McpSourceService({ reader: cache, logger });
    const server = new grpc.Server();
    service.addTo(server);
    const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
    cache.setSnapshot(
      snapshotFrom(
        PILOT_MCP_KINDS.map(collection),
        new Map([
          [collection('VirtualService'), [makeEntry({ name: 'shop/cart', body: { hosts: ['cart'], http: [{ route: [{ destination: { host: 'cart' } }] }] } })]],
          [collection('DestinationRule'), [makeEntry({ name: 'shop/bad', body: { host: 'cart', trafficPolicy: { loadBalancer: { simple: 'NOPE' } } } })]],
        ]),
      ),
    );
    const source = new McpConfigSource({ address: `127.0.0.1:${port}`, sinkId: 'pilot-test', logger });
    let changes = 0;
    source.onChange(() => changes++);
    await source.start();
    await source.synced();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(changes).toBeGreaterThan(0);
    expect(source.current().resources.map((r) => `${r.kind} ${r.metadata.namespace}/${r.metadata.name}`)).toEqual(['VirtualService shop/cart']);
    expect(source.current().problems.some((problem) => problem.severity === 'error' && problem.name === 'bad')).toBe(true);

    // Incremental updates: a changed and an added resource arrive, then a removal.
    const vs = (name: string, host: string) => makeEntry({ name, body: { hosts: [host], http: [{ route: [{ destination: { host } }] }] } });
    const publish = (entries: ReturnType<typeof makeEntry>[]) =>
      cache.setSnapshot(snapshotFrom(PILOT_MCP_KINDS.map(collection), new Map([[collection('VirtualService'), entries]])));
    const names = () => source.current().resources.map((r) => `${r.metadata.namespace}/${r.metadata.name}:${(r.spec as { hosts: string[] }).hosts[0]}`);
    const eventually = async (expected: string[]) => {
      for (let attempt = 0; attempt < 100 && JSON.stringify(names()) !== JSON.stringify(expected); attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(names()).toEqual(expected);
    };
    publish([vs('shop/cart', 'cart-v2'), vs('shop/pay', 'pay')]);
    await eventually(['shop/cart:cart-v2', 'shop/pay:pay']);
    publish([vs('shop/pay', 'pay')]);
    await eventually(['shop/pay:pay']);
    await source.close();
    service.close();
    server.forceShutdown();
  });
});

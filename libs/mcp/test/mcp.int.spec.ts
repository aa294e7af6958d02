import { GrpcServer, serverCredentials } from '@isthmus/grpc';
import { createMetricsRegistry, LogScopes } from '@isthmus/runtime';
import { makeEntry, McpSinkClient, McpSourceService, SnapshotCache, snapshotFrom, type McpEntry, type SinkCollection, type SinkUpdate } from '../src';

const VS = 'istio/networking/v1alpha3/virtualservices';
const DR = 'istio/networking/v1alpha3/destinationrules';
const COLLECTIONS = [VS, DR];
const logger = new LogScopes('mcp-test', new Map([['default', 'warn']])).root;

interface Hosts {
  hosts: string[];
}
const vsSpec: SinkCollection<Hosts> = {
  collection: VS,
  decode: (body) => {
    if (!Array.isArray(body.hosts)) throw new Error('spec.hosts missing');
    return { hosts: body.hosts.map(String) };
  },
};
const drSpec: SinkCollection<unknown> = { collection: DR, decode: (body) => body };

async function eventually(check: () => void, timeoutMs = 1000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

class Source {
  readonly cache = new SnapshotCache();
  readonly entries = new Map<string, McpEntry[]>(COLLECTIONS.map((c) => [c, []]));
  server!: GrpcServer;
  service!: McpSourceService;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = new GrpcServer({ logger, registry: createMetricsRegistry() });
    this.service = new McpSourceService({ reader: this.cache, logger, collections: COLLECTIONS });
    this.server.addService('mcp', this.service.definition(), this.service.handlers());
    this.port = await this.server.listen(`127.0.0.1:${port}`, serverCredentials());
  }

  set(collection: string, entries: McpEntry[]): void {
    this.entries.set(collection, entries);
    this.cache.setSnapshot(snapshotFrom(COLLECTIONS, this.entries));
  }

  async stop(): Promise<void> {
    this.service.close();
    await this.server.shutdown(100);
  }
}

describe('MCP over real gRPC', () => {
  let source: Source;
  const sinks: McpSinkClient[] = [];

  beforeEach(async () => {
    source = new Source();
    source.set(VS, [makeEntry({ name: 'ns/trader', body: { hosts: ['trader'] } })]);
    await source.start();
  });
  afterEach(async () => {
    for (const sink of sinks.splice(0)) sink.stop();
    await source.stop();
  });

  function sink(options: { incremental?: boolean; apply?: (update: SinkUpdate<unknown>) => void } = {}): McpSinkClient {
    const client = new McpSinkClient({
      address: `tcp://127.0.0.1:${source.port}`,
      sinkId: `sink-${sinks.length}`,
      collections: [vsSpec, drSpec],
      apply: options.apply ?? (() => undefined),
      logger,
      incremental: options.incremental,
      backoff: { initialMs: 20, maxMs: 200 },
    });
    sinks.push(client);
    client.start();
    return client;
  }

  it('delivers every collection, then create, update and delete within 1 s', async () => {
    const client = sink();
    await client.synced();
    expect(client.resources(vsSpec).get('ns/trader')?.value).toEqual({ hosts: ['trader'] });
    expect(client.resources(drSpec).size).toBe(0);

    source.set(DR, [makeEntry({ name: 'ns/trader', body: { host: 'trader' } })]);
    await eventually(() => expect(client.resources(drSpec).get('ns/trader')).toBeDefined());
    source.set(VS, [makeEntry({ name: 'ns/trader', body: { hosts: ['trader', 'trader.example.com'] } })]);
    await eventually(() => expect(client.resources(vsSpec).get('ns/trader')?.value.hosts).toHaveLength(2));
    source.set(VS, []);
    await eventually(() => expect(client.resources(vsSpec).size).toBe(0));
    await eventually(() => expect(source.service.sinks()[0].collections.find((c) => c.collection === VS)?.ackedVersion).toBe(source.cache.current().snapshot.collections.get(VS)?.version));
  });

  it('incremental mode sends only changes and the sink still ends with the full state', async () => {
    const updates: SinkUpdate<unknown>[] = [];
    const client = sink({ incremental: true, apply: (update) => void updates.push(update) });
    await client.synced();
    source.set(VS, [makeEntry({ name: 'ns/trader', body: { hosts: ['trader'] } }), makeEntry({ name: 'ns/quotes', body: { hosts: ['quotes'] } })]);
    await eventually(() => expect(client.resources(vsSpec).size).toBe(2));
    const last = updates[updates.length - 1];
    expect(last).toMatchObject({ incremental: true, changed: ['ns/quotes'] });
  });

  it('after a NACK the sink keeps its state and the server keeps it on the same version until the next change', async () => {
    const client = sink();
    await client.synced();
    const good = client.versions().get(VS);
    source.set(VS, [makeEntry({ name: 'ns/bad', body: { nohosts: true } })]);
    await eventually(() => expect(source.service.sinks()[0].collections.find((c) => c.collection === VS)?.nackedVersion).toBeDefined());
    const status = source.service.sinks()[0].collections.find((c) => c.collection === VS);
    expect(status?.nackMessage).toContain('ns/bad: spec.hosts missing');
    expect(client.versions().get(VS)).toBe(good);
    expect(client.resources(vsSpec).has('ns/trader')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(source.service.sinks()[0].collections.find((c) => c.collection === VS)?.pendingVersion).toBeUndefined();

    source.set(VS, [makeEntry({ name: 'ns/fixed', body: { hosts: ['fixed'] } })]);
    await eventually(() => expect(client.resources(vsSpec).has('ns/fixed')).toBe(true));
    expect(source.service.sinks()[0].collections.find((c) => c.collection === VS)?.nackedVersion).toBeUndefined();
  });

  it('sinks reconnect after a source restart and converge on identical versions', async () => {
    const clients = [sink(), sink({ incremental: true })];
    await Promise.all(clients.map((c) => c.synced()));
    const port = source.port;
    await source.stop();
    const restarted = new Source();
    restarted.set(VS, [makeEntry({ name: 'ns/trader', body: { hosts: ['trader', 'new'] } })]);
    await restarted.start(port);
    source = restarted;
    const expected = restarted.cache.current().snapshot.collections.get(VS)?.version;
    await eventually(() => {
      for (const client of clients) expect(client.versions().get(VS)).toBe(expected);
    }, 5000);
    expect(clients[0].versions()).toEqual(clients[1].versions());
  });

  it('refuses an unknown collection with INVALID_ARGUMENT', async () => {
    const client = new McpSinkClient({
      address: `127.0.0.1:${source.port}`,
      sinkId: 'odd',
      collections: [{ collection: 'no/such/collection', decode: (b) => b }],
      apply: () => undefined,
      logger,
      backoff: { initialMs: 5000, maxMs: 5000 },
    });
    sinks.push(client);
    client.start();
    await eventually(() => expect(client.lastError()).toContain('unsupported collection "no/such/collection"'));
    expect(client.versions().size).toBe(0);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import type { McpSinkClient } from '@isthmus/mcp';
import { OpsServer } from '@isthmus/runtime';
import { GalleyServer } from '../src';
import { ALL_COLLECTIONS, quietLogs, startGalley, startSink, within } from './support/galley';

const VS = ALL_COLLECTIONS.find((c) => c.collection === 'istio/networking/v1alpha3/virtualservices') as never;
const vsYaml = (host: string) => `apiVersion: networking.istio.io/v1alpha3
kind: VirtualService
metadata: {name: trader, namespace: trading}
spec:
  hosts: [${host}]
  http:
  - route:
    - destination: {host: ${host}}
`;

describe('Galley in local mode (files) over MCP', () => {
  let dir: string;
  let galley: GalleyServer;
  let sink: McpSinkClient;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'galley-config-'));
    await writeFile(join(dir, 'trader.yaml'), vsYaml('trader'));
    let port: number;
    ({ galley, port } = await startGalley({ configPath: dir, filePollMs: 100 }));
    sink = startSink(port, 'local-pilot');
    await sink.synced();
  });
  afterEach(async () => {
    sink.stop();
    await galley.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const hosts = () => (sink.resources(VS).get('trading/trader') as { value: { hosts: string[] } } | undefined)?.value.hosts;

  it('serves the files, follows an edit, and keeps a broken file’s previous resources while reporting the error', async () => {
    expect(hosts()).toEqual(['trader']);
    await writeFile(join(dir, 'trader.yaml'), vsYaml('trader-v2'));
    await within(3000, 'the edit', () => (hosts()?.[0] === 'trader-v2' ? true : undefined));
    const version = sink.versions().get('istio/networking/v1alpha3/virtualservices');

    await writeFile(join(dir, 'trader.yaml'), 'apiVersion: networking.istio.io/v1alpha3\nkind: VirtualService\nmetadata: {name: trader\n');
    const report = await within(3000, 'the file error', () => {
      const debug = galley.debug();
      const problems = (debug.sources[0] as { problems?: { message: string }[] }).problems ?? [];
      return problems.length > 0 ? problems : undefined;
    });
    expect(report[0].message).toContain('YAML syntax error');
    expect(hosts()).toEqual(['trader-v2']);
    expect(sink.versions().get('istio/networking/v1alpha3/virtualservices')).toBe(version);
  });

  it('holds back an invalid edit of a file resource and serves its last good version', async () => {
    await writeFile(join(dir, 'trader.yaml'), vsYaml('trader').replace('- destination: {host: trader}', '- destination: {host: trader}\n      weight: -5'));
    await within(3000, 'the rejection', () => (galley.pipeline.rejections().length > 0 ? true : undefined));
    expect(galley.pipeline.rejections()[0]).toMatchObject({ servingLastGood: true });
    expect(hosts()).toEqual(['trader']);
  });

  it('lists collection versions and sinks with their ACKed versions on /debug/mcp', async () => {
    const ops = new OpsServer();
    const other = new GalleyServer({ logs: quietLogs(), registry: new Registry(), ops, configPath: dir, mcp: { address: '127.0.0.1:0' } });
    const { mcp } = await other.start();
    const debugSink = startSink(mcp ?? 0, 'debug-sink');
    try {
      await debugSink.synced();
      const body = (await ops.inject({ method: 'GET', url: '/debug/mcp' })).json() as {
        collections: { collection: string; version: string; resources: number }[];
        sinks: { sinkId: string; collections: { collection: string; ackedVersion?: string }[] }[];
      };
      const vs = body.collections.find((c) => c.collection === 'istio/networking/v1alpha3/virtualservices');
      expect(vs?.resources).toBe(1);
      expect(body.sinks[0].sinkId).toBe('debug-sink');
      const acked = body.sinks[0].collections.find((c) => c.collection === vs?.collection)?.ackedVersion;
      expect(acked).toBe(vs?.version);
      expect(body.collections).toHaveLength(28);
    } finally {
      debugSink.stop();
      await other.stop();
      await ops.close();
    }
  });
});

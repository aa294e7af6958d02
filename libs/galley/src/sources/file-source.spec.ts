import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogScopes } from '@isthmus/runtime';
import { IstioConfigSchema } from '../config-schema';
import { FileSource } from './file-source';

const logger = new LogScopes('test', new Map([['default', 'fatal']])).root;

const vsYaml = (name: string, host: string) => `apiVersion: networking.istio.io/v1alpha3
kind: VirtualService
metadata:
  name: ${name}
  namespace: trading
spec:
  hosts: [${host}]
  http:
  - route:
    - destination: {host: ${host}}
`;

describe('FileSource', () => {
  let dir: string;
  let source: FileSource;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'galley-files-'));
    await mkdir(join(dir, 'nested'));
    await writeFile(join(dir, 'a.yaml'), `${vsYaml('a', 'trader')}---\n${vsYaml('b', 'quotes')}`);
    await writeFile(join(dir, 'nested', 'c.yml'), vsYaml('c', 'portfolio'));
    await writeFile(join(dir, 'notes.txt'), 'ignored');
    source = new FileSource({ dir, schema: new IstioConfigSchema(), logger, pollMs: 60_000 });
    await source.start();
  });
  afterEach(async () => {
    await source.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const names = () => [...source.resources()].map((r) => `${r.namespace}/${r.name}`).sort();

  it('reads every YAML document recursively', () => {
    expect(source.hasSynced()).toBe(true);
    expect(names()).toEqual(['trading/a', 'trading/b', 'trading/c']);
    expect(source.problems()).toEqual([]);
  });

  it('picks up edits, new files and removals', async () => {
    const changed = jest.fn();
    source.onChange(changed);
    await writeFile(join(dir, 'a.yaml'), vsYaml('a', 'trader-v2'));
    await writeFile(
      join(dir, 'd.json'),
      JSON.stringify({
        apiVersion: 'networking.istio.io/v1alpha3',
        kind: 'Gateway',
        metadata: { name: 'gw' },
        spec: {},
      }),
    );
    await unlink(join(dir, 'nested', 'c.yml'));
    await source.rescan();
    expect(names()).toEqual(['default/gw', 'trading/a']);
    expect([...source.resources()].find((r) => r.name === 'a')?.body).toMatchObject({ hosts: ['trader-v2'] });
    expect(changed).toHaveBeenCalled();
  });

  it('keeps a broken file’s previous resources and reports the error', async () => {
    await writeFile(
      join(dir, 'a.yaml'),
      'apiVersion: networking.istio.io/v1alpha3\nkind: VirtualService\nmetadata: {name: a\n  bad: [',
    );
    await source.rescan();
    expect(names()).toEqual(['trading/a', 'trading/b', 'trading/c']);
    expect(source.problems()).toEqual([
      expect.objectContaining({ file: join(dir, 'a.yaml'), message: expect.stringContaining('YAML syntax error') }),
    ]);
    await writeFile(join(dir, 'a.yaml'), vsYaml('a', 'fixed'));
    await source.rescan();
    expect(names()).toEqual(['trading/a', 'trading/c']);
    expect(source.problems()).toEqual([]);
  });

  it('skips and reports a document of unknown kind or without a name, keeping the rest of the file', async () => {
    await writeFile(
      join(dir, 'a.yaml'),
      `${vsYaml('a', 'trader')}---\napiVersion: v9\nkind: Widget\nmetadata: {name: w}\n---\napiVersion: networking.istio.io/v1alpha3\nkind: Gateway\nmetadata: {}\n`,
    );
    await source.rescan();
    expect(names()).toEqual(['trading/a', 'trading/c']);
    expect(source.problems().map((p) => p.message)).toEqual([
      'unknown kind Widget (v9)',
      'Gateway: metadata.name is missing',
    ]);
  });

  it('notices a change through the file watcher without an explicit rescan', async () => {
    const changed = new Promise<void>((resolve) => source.onChange(resolve));
    await writeFile(join(dir, 'nested', 'c.yml'), vsYaml('c', 'portfolio-v2'));
    await changed;
    expect([...source.resources()].find((r) => r.name === 'c')?.body).toMatchObject({ hosts: ['portfolio-v2'] });
  });
});

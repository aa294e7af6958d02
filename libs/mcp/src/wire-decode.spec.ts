import {
  fromStruct,
  istioCodec,
  MCP_BODY_TYPE_NAME,
  toStruct,
  type McpResource__Output,
  type McpResources__Output,
  type Struct__Output,
} from '@isthmus/protos';
import { makeEntry } from './snapshot';
import { encodeEntry, encodeResources } from './wire';
import { decodeResources, decodeStruct } from './wire-decode';

const spec = {
  hosts: ['a', 'b'],
  http: [{ route: [{ destination: { host: 'a', port: { number: 9080 } }, weight: 100 }], timeout: '3s' }],
  empty: {},
  list: [],
  flag: false,
  none: null,
  n: -1.5,
};

describe('hand-rolled MCP encoding', () => {
  it('writes a Resource the generated decoder reads back identically (body, metadata, create time)', () => {
    const codec = istioCodec();
    const entry = makeEntry({
      name: 'ns/vs',
      body: spec,
      labels: { app: 'x' },
      annotations: { note: 'y' },
      createTimeMs: 1_700_000_000_123,
    });
    const generic = codec.decode<McpResource__Output>('istio.mcp.v1alpha1.Resource', encodeEntry(entry));
    expect(generic.metadata).toMatchObject({
      name: 'ns/vs',
      version: entry.version,
      labels: { app: 'x' },
      annotations: { note: 'y' },
      create_time: { seconds: '1700000000', nanos: 123_000_000 },
    });
    const body = codec.unpack<Struct__Output>(generic.body as { type_url: string; value: Buffer });
    if (!body.ok) throw new Error(body.error);
    expect(fromStruct(body.value)).toEqual(spec);
    const reference = codec.encode('istio.mcp.v1alpha1.Resource', {
      metadata: {
        name: 'ns/vs',
        version: entry.version,
        labels: { app: 'x' },
        annotations: { note: 'y' },
        create_time: { seconds: '1700000000', nanos: 123_000_000 },
      },
      body: codec.pack(MCP_BODY_TYPE_NAME, toStruct(spec)),
    });
    expect(codec.decode('istio.mcp.v1alpha1.Resource', reference)).toEqual(generic);
  });
});

describe('hand-rolled MCP decoding', () => {
  it('decodes a Struct exactly as the generic codec does', () => {
    const codec = istioCodec();
    const any = codec.pack(MCP_BODY_TYPE_NAME, toStruct(spec));
    const generic = codec.unpack<Struct__Output>(any);
    if (!generic.ok) throw new Error(generic.error);
    expect(decodeStruct(any.value)).toEqual(fromStruct(generic.value));
    expect(decodeStruct(any.value)).toEqual(spec);
  });

  it('decodes the Resources envelope our encoder writes, and agrees with the generated decoder', () => {
    const entry = makeEntry({
      name: 'ns/vs',
      body: spec,
      labels: { app: 'x' },
      annotations: { note: 'y' },
      createTimeMs: 1_700_000_000_123,
    });
    const bytes = encodeResources({
      systemVersionInfo: 'v1',
      collection: 'c',
      resources: [encodeEntry(entry)],
      removedResources: ['ns/gone'],
      nonce: 'n1',
      incremental: true,
    });
    const ours = decodeResources(bytes);
    expect(ours).toMatchObject({
      systemVersionInfo: 'v1',
      collection: 'c',
      removedResources: ['ns/gone'],
      nonce: 'n1',
      incremental: true,
    });
    expect(ours.resources[0]).toMatchObject({
      name: 'ns/vs',
      version: entry.version,
      labels: { app: 'x' },
      annotations: { note: 'y' },
      createTimeMs: 1_700_000_000_123,
      bodyTypeUrl: `type.googleapis.com/${MCP_BODY_TYPE_NAME}`,
    });
    const [first] = ours.resources;
    if (first.unchanged) throw new Error('expected a full resource');
    expect(decodeStruct(first.body)).toEqual(spec);
    const skipping = decodeResources(bytes, (collection, name) =>
      collection === 'c' && name === 'ns/vs' ? entry.version : undefined,
    );
    expect(skipping.resources).toEqual([{ name: 'ns/vs', unchanged: true }]);
    expect(skipping.nonce).toBe('n1');
    const generated = istioCodec().decode<McpResources__Output>('istio.mcp.v1alpha1.Resources', bytes);
    expect(generated.resources[0].metadata?.name).toBe('ns/vs');
    expect(generated.nonce).toBe('n1');
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { envoyCodec, istioCodec } from './codec';
import { envoyGrpc, istioGrpc } from './loader';
import { EXTENSION_TYPE_NAMES, MCP_BODY_TYPE_NAME, XDS_TYPE_NAMES, XDS_TYPE_URLS } from './type-urls';
import { fromStruct, toStruct } from './struct';
import type { McpResource__Output, Struct__Output } from './istio-types';
import type { Cluster__Output, HttpConnectionManager__Output, Listener__Output } from './envoy-types';

describe('Envoy v3 codec', () => {
  it('packs and unpacks a listener with a nested typed_config', () => {
    const codec = envoyCodec();
    const hcm = codec.pack(EXTENSION_TYPE_NAMES.httpConnectionManager, {
      stat_prefix: 'outbound_0.0.0.0_9080',
      rds: { route_config_name: '9080', config_source: { ads: {}, resource_api_version: 'V3' } },
      http_filters: [{ name: 'envoy.filters.http.router', typed_config: codec.pack(EXTENSION_TYPE_NAMES.router, {}) }],
    });
    const listener = codec.pack(XDS_TYPE_NAMES.listener, {
      name: '0.0.0.0_9080',
      address: { socket_address: { address: '0.0.0.0', port_value: 9080 } },
      filter_chains: [{ filters: [{ name: 'envoy.filters.network.http_connection_manager', typed_config: hcm }] }],
    });
    expect(listener.type_url).toBe(XDS_TYPE_URLS.listener);

    const decoded = codec.unpack<Listener__Output>(listener);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.value.address?.socket_address?.port_value).toBe(9080);
    expect(decoded.value.address?.address).toBe('socket_address');
    const inner = decoded.value.filter_chains[0].filters[0].typed_config;
    const manager = codec.unpack<HttpConnectionManager__Output>(inner as { type_url: string; value: Buffer });
    if (!manager.ok) throw new Error(manager.error);
    expect(manager.value.rds?.route_config_name).toBe('9080');
    expect(manager.value.http_filters[0].name).toBe('envoy.filters.http.router');
  });

  it('fills defaults and writes enums as strings', () => {
    const codec = envoyCodec();
    const cluster = codec.unpack<Cluster__Output>(codec.pack(XDS_TYPE_NAMES.cluster, { name: 'outbound|9080||a.b.svc.cluster.local', type: 'EDS' }));
    if (!cluster.ok) throw new Error(cluster.error);
    expect(cluster.value.type).toBe('EDS');
    expect(cluster.value.lb_policy).toBe('ROUND_ROBIN');
  });

  it('rejects a field of the wrong type, naming it', () => {
    expect(() => envoyCodec().encode(XDS_TYPE_NAMES.cluster, { name: 42 })).toThrow('envoy.config.cluster.v3.Cluster: name: string expected');
    expect(() =>
      envoyCodec().encode(XDS_TYPE_NAMES.listener, { name: 'l', filter_chains: [{ filters: [{ name: 'f', typo: 1 }] }] }),
    ).toThrow('filter_chains[0].filters[0].typo: unknown field of envoy.config.listener.v3.Filter');
    expect(() => envoyCodec().encode(XDS_TYPE_NAMES.cluster, { type: 'NOPE' })).toThrow(/type: expected one of STATIC, STRICT_DNS/);
  });

  it('reports unknown types and corrupt bytes instead of throwing', () => {
    expect(envoyCodec().unpack({ type_url: 'type.googleapis.com/no.Such', value: Buffer.alloc(0) })).toEqual({
      ok: false,
      error: 'unknown type type.googleapis.com/no.Such',
    });
    const corrupt = envoyCodec().unpack({ type_url: XDS_TYPE_URLS.cluster, value: Buffer.from([0x0a, 0xff]) });
    expect(corrupt.ok).toBe(false);
  });
});

describe('gRPC service definitions', () => {
  it('exposes ADS with its full method path', () => {
    const ads = envoyGrpc().envoy.service.discovery.v3.AggregatedDiscoveryService.service;
    expect(ads.StreamAggregatedResources.path).toBe('/envoy.service.discovery.v3.AggregatedDiscoveryService/StreamAggregatedResources');
    expect(ads.DeltaAggregatedResources.requestStream).toBe(true);
  });

  it('exposes MCP, Mixer, Citadel and health', () => {
    const istio = istioGrpc();
    expect(istio.istio.mcp.v1alpha1.ResourceSource.service.EstablishResourceStream.path).toBe(
      '/istio.mcp.v1alpha1.ResourceSource/EstablishResourceStream',
    );
    expect(istio.istio.mixer.v1.Mixer.service.Check.path).toBe('/istio.mixer.v1.Mixer/Check');
    expect(istio.istio.v1.auth.IstioCertificateService.service.CreateCertificate.path).toBe(
      '/istio.v1.auth.IstioCertificateService/CreateCertificate',
    );
    expect(istio.grpc.health.v1.Health.service.Watch.responseStream).toBe(true);
  });

  it('round-trips an MCP resource with a Struct body', () => {
    const codec = istioCodec();
    const spec = { hosts: ['trader'], http: [{ route: [{ destination: { host: 'trader', port: { number: 9080 } }, weight: 100 }] }], tls: null, flag: true };
    const body = codec.pack(MCP_BODY_TYPE_NAME, toStruct(spec));
    const bytes = codec.encode('istio.mcp.v1alpha1.Resource', { metadata: { name: 'ns/vs', version: 'v1' }, body });
    const resource = codec.decode<McpResource__Output>('istio.mcp.v1alpha1.Resource', bytes);
    expect(resource.metadata?.name).toBe('ns/vs');
    const decodedBody = codec.unpack<Struct__Output>(resource.body as { type_url: string; value: Buffer });
    if (!decodedBody.ok) throw new Error(decodedBody.error);
    expect(fromStruct(decodedBody.value)).toEqual(spec);
  });
});

describe('generated folder', () => {
  function listFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
  }

  it('is exactly what the generate script produces from the pinned protos (never hand-edited)', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'isthmus-protos-'));
    execFileSync(process.execPath, [require.resolve('tsx/cli'), join(__dirname, '../scripts/generate.ts'), '--check', fresh], { stdio: 'pipe' });
    const committed = join(__dirname, 'generated');
    const committedFiles = listFiles(committed).map((file) => relative(committed, file)).sort();
    expect(listFiles(fresh).map((file) => relative(fresh, file)).sort()).toEqual(committedFiles);
    const stale = committedFiles.filter((file) => readFileSync(join(fresh, file), 'utf8') !== readFileSync(join(committed, file), 'utf8'));
    expect(stale).toEqual([]);
  }, 60_000);
});

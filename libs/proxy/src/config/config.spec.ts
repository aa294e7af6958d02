import { EXTENSION_TYPE_NAMES } from '@isthmus/protos';
import { cluster, decode, httpListener, pack, routes, vhost } from '../../test/fixtures';
import { compileTextFormat } from './access-log-config';
import { compileCluster } from './cluster-config';
import { compileListener } from './listener-config';
import { compileRouteConfiguration } from './route-config';
import { compileStringMatcher } from './string-matcher';
import type { AccessLogEntry, RequestView } from './types';

const view = (path: string, headers: Record<string, string> = {}, method = 'GET'): RequestView => {
  const question = path.indexOf('?');
  return { method, path, pathOnly: question < 0 ? path : path.slice(0, question), query: question < 0 ? '' : path.slice(question + 1), headers };
};

describe('config compilation', () => {
  it('compiles string matchers with Envoy semantics (RE2 full match, ignore_case)', () => {
    expect(compileStringMatcher({ match_pattern: 'safe_regex', safe_regex: { regex: '.*Firefox.*' } }, 'm')('Mozilla Firefox/70')).toBe(true);
    expect(compileStringMatcher({ match_pattern: 'safe_regex', safe_regex: { regex: 'abc' } }, 'm')('xabcx')).toBe(false);
    expect(compileStringMatcher({ match_pattern: 'prefix', prefix: 'AB', ignore_case: true }, 'm')('abc')).toBe(true);
    // RE2 has no backreferences: refused at config time, naming the field.
    expect(() => compileStringMatcher({ match_pattern: 'safe_regex', safe_regex: { regex: '(a)\\1' } }, 'vh.routes[0].match')).toThrow(/vh.routes\[0\].match.safe_regex.regex: invalid RE2 regex/);
  });

  it('selects virtual hosts exact, then longest suffix, then prefix, then *', () => {
    const table = compileRouteConfiguration(
      routes({
        name: 'r',
        virtual_hosts: [
          vhost(['api.example.com'], []),
          vhost(['*.example.com'], []),
          vhost(['*.b.example.com'], []),
          vhost(['api.*'], []),
          vhost(['*'], []),
        ],
      }),
    );
    expect(table.selectHost('API.example.com')?.name).toBe('api.example.com');
    expect(table.selectHost('x.b.example.com')?.name).toBe('*.b.example.com');
    expect(table.selectHost('x.example.com')?.name).toBe('*.example.com');
    expect(table.selectHost('api.other.org')?.name).toBe('api.*');
    expect(table.selectHost('other.org')?.name).toBe('*');
  });

  it('refuses a domain used by two virtual hosts', () => {
    expect(() => compileRouteConfiguration(routes({ name: 'r', virtual_hosts: [vhost(['a'], []), vhost(['a'], [])] }))).toThrow(
      'route_configuration r.virtual_hosts[1].domains: domain "a" appears in more than one virtual host',
    );
  });

  it('matches routes on path, case, headers, query and gRPC', () => {
    const table = compileRouteConfiguration(
      routes({
        name: 'r',
        virtual_hosts: [
          vhost(['*'], [
            { match: { prefix: '/CI', case_sensitive: { value: false } }, route: { cluster: 'ci' } },
            { match: { prefix: '/', grpc: {} }, route: { cluster: 'grpc' } },
            { match: { path: '/exact' }, route: { cluster: 'exact' } },
            { match: { prefix: '/', headers: [{ name: 'x-v', present_match: true, invert_match: true }] }, route: { cluster: 'no-x-v' } },
            { match: { prefix: '/' }, route: { cluster: 'rest' } },
          ]),
        ],
      }),
    );
    const pick = (request: RequestView) => {
      const route = table.virtualHosts[0].routes.find((candidate) => candidate.matches(request));
      return route?.action.kind === 'forward' ? route.action.cluster : undefined;
    };
    expect(pick(view('/ci/x', { 'x-v': '1' }))).toBe('ci');
    expect(pick(view('/svc/Method', { 'content-type': 'application/grpc', 'x-v': '1' }))).toBe('grpc');
    expect(pick(view('/exact?q=1', { 'x-v': '1' }))).toBe('exact');
    expect(pick(view('/other'))).toBe('no-x-v');
    expect(pick(view('/other', { 'x-v': '1' }))).toBe('rest');
  });

  it('NACKs fields it does not implement instead of ignoring them', () => {
    expect(() => compileCluster(cluster({ name: 'c', type: 'EDS', lb_subset_config: { fallback_policy: 'ANY_ENDPOINT' } }))).toThrow(
      'cluster c.lb_subset_config: field is not supported by the Isthmus proxy',
    );
    expect(() =>
      compileRouteConfiguration(routes({ name: 'r', virtual_hosts: [vhost(['*'], [{ match: { prefix: '/' }, route: { cluster: 'c', hedge_policy: { initial_requests: { value: 2 } } } }])] })),
    ).toThrow('route_configuration r.virtual_hosts[0].routes[0].route.hedge_policy: field is not supported by the Isthmus proxy');
    expect(() => compileListener(httpListener('l', 1, { filters: [{ name: 'envoy.filters.http.lua' }] }))).toThrow(
      'listener l.filter_chains[0].filters[0].typed_config.http_filters[0]: HTTP filter envoy.filters.http.lua is not supported',
    );
    expect(() => compileListener(httpListener('l', 1, { filters: [{ name: 'envoy.filters.http.fault', typed_config: pack(EXTENSION_TYPE_NAMES.fault, {}) }] }))).toThrow(
      'the last HTTP filter must be the router',
    );
  });

  it('compiles clusters: breakers, outlier detection, HTTP/2 via typed options', () => {
    const compiled = compileCluster(
      cluster({
        name: 'c',
        type: 'EDS',
        eds_cluster_config: { service_name: 'svc' },
        lb_policy: 'RING_HASH',
        ring_hash_lb_config: { minimum_ring_size: { value: 64 } },
        circuit_breakers: { thresholds: [{ max_connections: { value: 7 }, max_retries: { value: 1 } }] },
        outlier_detection: { consecutive_5xx: { value: 2 }, base_ejection_time: { seconds: 3 } },
        typed_extension_protocol_options: {
          'envoy.extensions.upstreams.http.v3.HttpProtocolOptions': pack('envoy.extensions.upstreams.http.v3.HttpProtocolOptions', {
            explicit_http_config: { http2_protocol_options: {} },
          }),
        },
      }),
    );
    expect(compiled).toMatchObject({ edsServiceName: 'svc', lbPolicy: 'RING_HASH', ringHashMinimumSize: 64, http2: true });
    expect(compiled.breakers).toEqual({ maxConnections: 7, maxPendingRequests: 1024, maxRequests: 1024, maxRetries: 1 });
    expect(compiled.outlier).toMatchObject({ consecutive5xx: 2, baseEjectionTimeMs: 3000, maxEjectionPercent: 10, intervalMs: 10_000 });
  });

  it('formats access logs with Envoy operators', () => {
    const format = compileTextFormat('%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %RESPONSE_CODE% %RESPONSE_FLAGS% "%REQ(USER-AGENT)%" %UPSTREAM_CLUSTER%\n', 'f');
    const entry = { method: 'GET', path: '/a', responseCode: 503, responseFlags: 'UO', requestHeaders: {}, upstreamCluster: 'c' } as unknown as AccessLogEntry;
    expect(format(entry)).toBe('GET /a 503 UO "-" c\n');
    expect(() => compileTextFormat('%NOPE%', 'hcm.access_log[0]')).toThrow('hcm.access_log[0]: access log operator %NOPE% is not supported');
  });

  it('decodes listeners with SNI chains and tls_inspector', () => {
    const listener = compileListener(
      decode('envoy.config.listener.v3.Listener', {
        name: 'tls',
        address: { socket_address: { address: '0.0.0.0', port_value: 443 } },
        listener_filters: [{ name: 'envoy.filters.listener.tls_inspector', typed_config: pack(EXTENSION_TYPE_NAMES.tlsInspector, {}) }],
        filter_chains: [
          {
            filter_chain_match: { server_names: ['A.example.com'], destination_port: { value: 443 } },
            filters: [{ name: 'tcp', typed_config: pack(EXTENSION_TYPE_NAMES.tcpProxy, { stat_prefix: 's', cluster: 'c' }) }],
          },
        ],
      }),
    );
    expect(listener).toMatchObject({ inspectTls: true, port: 443 });
    expect(listener.filterChains[0].match).toMatchObject({ serverNames: ['a.example.com'], destinationPort: 443 });
  });
});

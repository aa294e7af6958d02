import { EXTENSION_TYPE_NAMES } from '@isthmus/protos';
import { ProxyEngine } from '../src';
import { startBackend, get, type Backend } from './backends';
import { httpListener, pack, routerFilter, routes, staticCluster, vhost } from './fixtures';

describe('HTTP routing through real sockets', () => {
  let engine: ProxyEngine;
  let v1: Backend;
  let v2: Backend;
  let flaky: Backend;
  let slow: Backend;
  let mirror: Backend;
  let port: number;
  let flakyCalls = 0;

  beforeAll(async () => {
    v1 = await startBackend('v1');
    v2 = await startBackend('v2');
    mirror = await startBackend('mirror');
    flaky = await startBackend('flaky', (_request, response) => {
      flakyCalls++;
      if (flakyCalls % 2 === 1) {
        response.writeHead(503);
        response.end('try again');
        return true;
      }
      return false;
    });
    slow = await startBackend('slow', (_request, response) => {
      setTimeout(() => {
        response.writeHead(200);
        response.end('late');
      }, 1500);
      return true;
    });
    engine = new ProxyEngine({ drainMs: 100 });
    const faultFilter = { name: 'envoy.filters.http.fault', typed_config: pack(EXTENSION_TYPE_NAMES.fault, {}) };
    const corsFilter = { name: 'envoy.filters.http.cors', typed_config: pack(EXTENSION_TYPE_NAMES.cors, {}) };
    await engine.applyStatic({
      clusters: [
        staticCluster('v1', [v1.port]),
        staticCluster('v2', [v2.port]),
        staticCluster('flaky', [flaky.port]),
        staticCluster('slow', [slow.port]),
        staticCluster('mirror', [mirror.port]),
        staticCluster('dead', [1]),
      ],
      routes: [
        routes({
          name: 'main',
          virtual_hosts: [
            vhost(['shop.example.com', 'shop.example.com:*'], [
              { match: { path: '/exact' }, route: { cluster: 'v2' } },
              { match: { prefix: '/', headers: [{ name: 'user-agent', string_match: { contains: 'Firefox' } }] }, route: { cluster: 'v2' } },
              { match: { prefix: '/', query_parameters: [{ name: 'version', string_match: { exact: 'v2' } }] }, route: { cluster: 'v2' } },
              { match: { safe_regex: { regex: '/items/[0-9]+' } }, route: { cluster: 'v2', prefix_rewrite: '' } },
              { match: { prefix: '/api/' }, route: { cluster: 'v1', prefix_rewrite: '/v1/', host_rewrite_literal: 'internal.local' } },
              { match: { prefix: '/old' }, redirect: { path_redirect: '/new', response_code: 'FOUND' } },
              { match: { prefix: '/direct' }, direct_response: { status: 418, body: { inline_string: 'teapot' } } },
              { match: { prefix: '/split' }, route: { weighted_clusters: { clusters: [{ name: 'v1', weight: { value: 80 } }, { name: 'v2', weight: { value: 20 } }] } } },
              {
                match: { prefix: '/retry' },
                route: { cluster: 'flaky', retry_policy: { retry_on: '5xx', num_retries: { value: 2 }, retry_back_off: { base_interval: { nanos: 1e6 } } } },
              },
              { match: { prefix: '/timeout' }, route: { cluster: 'slow', timeout: { nanos: 200e6 } } },
              { match: { prefix: '/dead' }, route: { cluster: 'dead' } },
              { match: { prefix: '/missing-cluster' }, route: { cluster: 'nope' } },
              { match: { prefix: '/mirror' }, route: { cluster: 'v1', request_mirror_policies: [{ cluster: 'mirror' }] } },
              {
                match: { prefix: '/fault', headers: [{ name: 'portfolio_user', string_match: { exact: 'Jason' } }] },
                route: { cluster: 'v1' },
                typed_per_filter_config: {
                  'envoy.filters.http.fault': pack(EXTENSION_TYPE_NAMES.fault, {
                    abort: { http_status: 555, percentage: { numerator: 100 } },
                  }),
                },
              },
              {
                match: { prefix: '/delay' },
                route: { cluster: 'v1' },
                typed_per_filter_config: {
                  'envoy.filters.http.fault': pack(EXTENSION_TYPE_NAMES.fault, {
                    delay: { fixed_delay: { nanos: 300e6 }, percentage: { numerator: 100 } },
                  }),
                },
              },
              {
                match: { prefix: '/' },
                route: { cluster: 'v1' },
                request_headers_to_add: [{ header: { key: 'x-added', value: 'yes' } }],
                request_headers_to_remove: ['x-secret'],
                response_headers_to_add: [{ header: { key: 'x-route', value: 'default' } }],
              },
            ], {
              typed_per_filter_config: {
                'envoy.filters.http.cors': pack('envoy.config.route.v3.CorsPolicy', {
                  allow_origin_string_match: [{ exact: 'https://ui.example.com' }],
                  allow_methods: 'GET,POST',
                  allow_headers: 'content-type',
                  max_age: '600',
                }),
              },
            }),
          ],
        }),
      ],
      listeners: [httpListener('http', 0, { routeName: 'main', filters: [corsFilter, faultFilter, routerFilter()] })],
    });
    port = engine.listeners.get('http')?.port ?? 0;
  });

  afterAll(async () => {
    await engine.close();
    await Promise.all([v1, v2, flaky, slow, mirror].map((backend) => backend.close()));
  });

  const host = { host: 'shop.example.com' };

  it('forwards to the default route, adds and removes request headers, adds response headers', async () => {
    const response = await get(port, '/hello?x=1', { ...host, 'x-secret': 's' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toMatchObject({ backend: 'v1', url: '/hello?x=1', host: 'shop.example.com' });
    expect(response.headers.get('x-route')).toBe('default');
    expect(response.headers.get('server')).toBe('envoy');
    expect(Number(response.headers.get('x-envoy-upstream-service-time'))).toBeGreaterThanOrEqual(0);
    const seen = v1.requests[v1.requests.length - 1].headers;
    expect(seen['x-added']).toBe('yes');
    expect(seen['x-secret']).toBeUndefined();
    expect(seen['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen['x-forwarded-proto']).toBe('http');
    expect(seen['x-envoy-expected-rq-timeout-ms']).toBe('15000');
  });

  it('answers 404 for unknown hosts (no route, NR)', async () => {
    expect((await get(port, '/', { host: 'other.example.com' })).status).toBe(404);
  });

  it('matches exact paths, headers, query parameters and RE2 regexes', async () => {
    expect(JSON.parse((await get(port, '/exact', host)).text).backend).toBe('v2');
    expect(JSON.parse((await get(port, '/exact/more', host)).text).backend).toBe('v1');
    expect(JSON.parse((await get(port, '/x', { ...host, 'user-agent': 'Mozilla/5.0 Firefox/70' })).text).backend).toBe('v2');
    expect(JSON.parse((await get(port, '/x?version=v2', host)).text).backend).toBe('v2');
    expect(JSON.parse((await get(port, '/items/42', host)).text).backend).toBe('v2');
    expect(JSON.parse((await get(port, '/items/4x2', host)).text).backend).toBe('v1');
  });

  it('rewrites prefix and host', async () => {
    const body = JSON.parse((await get(port, '/api/quotes?s=IBM', host)).text);
    expect(body).toMatchObject({ url: '/v1/quotes?s=IBM', host: 'internal.local' });
    expect(v1.requests[v1.requests.length - 1].headers['x-envoy-original-path']).toBe('/api/quotes?s=IBM');
  });

  it('redirects and sends direct responses', async () => {
    const redirect = await get(port, '/old?q=1', host);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('http://shop.example.com/new?q=1');
    const direct = await get(port, '/direct', host);
    expect(direct.status).toBe(418);
    expect(direct.text).toBe('teapot');
  });

  it('splits traffic by weight', async () => {
    const counts: Record<string, number> = { v1: 0, v2: 0 };
    for (let index = 0; index < 200; index++) counts[JSON.parse((await get(port, '/split', host)).text).backend]++;
    expect(counts.v1).toBeGreaterThan(120);
    expect(counts.v2).toBeGreaterThan(15);
  });

  it('retries 5xx and counts the retry', async () => {
    const response = await get(port, '/retry', host);
    expect(response.status).toBe(200);
    expect(engine.stats.snapshot()['cluster.flaky.upstream_rq_retry'].value).toBeGreaterThanOrEqual(1);
  });

  it('times out with 504 (UT) and reports 503 for dead upstreams and 503 for a missing cluster', async () => {
    const timeout = await get(port, '/timeout', host);
    expect(timeout.status).toBe(504);
    expect(timeout.text).toBe('upstream request timeout');
    const dead = await get(port, '/dead', host);
    expect(dead.status).toBe(503);
    expect(dead.text).toContain('connection failure');
    expect((await get(port, '/missing-cluster', host)).status).toBe(503);
  });

  it('injects faults for matching requests only', async () => {
    expect((await get(port, '/fault', { ...host, portfolio_user: 'Jason' })).status).toBe(555);
    expect((await get(port, '/fault', { ...host, portfolio_user: 'Ann' })).status).toBe(200);
    const started = Date.now();
    expect((await get(port, '/delay', host)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('mirrors requests with a -shadow host', async () => {
    await get(port, '/mirror', host);
    for (let index = 0; index < 50 && mirror.requests.length === 0; index++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(mirror.requests[0].headers.host).toBe('shop.example.com-shadow');
  });

  it('answers CORS preflights and decorates actual requests', async () => {
    const preflight = await get(port, '/anything', { ...host, origin: 'https://ui.example.com', 'access-control-request-method': 'POST' }, 'OPTIONS');
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(preflight.headers.get('access-control-max-age')).toBe('600');
    const actual = await get(port, '/anything', { ...host, origin: 'https://ui.example.com' });
    expect(actual.headers.get('access-control-allow-origin')).toBe('https://ui.example.com');
    const other = await get(port, '/anything', { ...host, origin: 'https://evil.example.com' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('forwards request bodies (POST)', async () => {
    const response = await get(port, '/echo', host, 'POST', 'x'.repeat(5000));
    expect(JSON.parse(response.text).body).toHaveLength(5000);
  });
});

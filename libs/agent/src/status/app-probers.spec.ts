import { parseAppProbers, parseAppProbersJson } from './app-probers';

describe('parseAppProbers', () => {
  it('reads what the sidecar injector writes (http and tcp, string and number ports, default timeout)', () => {
    const { probers, errors } = parseAppProbers({
      '/app-health/portfolio/readyz': { httpGet: { path: '/ready', port: 9080, scheme: 'HTTP', httpHeaders: [{ name: 'X-Probe', value: 'yes' }] }, timeoutSeconds: 3 },
      '/app-health/portfolio/livez': { httpGet: { path: 'healthz', port: '9080' } },
      '/app-health/db/startupz': { tcpSocket: { port: 5432 } },
    });
    expect(errors).toEqual([]);
    expect(probers.byPath.get('/app-health/portfolio/readyz')).toEqual({
      kind: 'http', port: 9080, path: '/ready', scheme: 'HTTP', headers: [{ name: 'X-Probe', value: 'yes' }], timeoutMs: 3000,
    });
    expect(probers.byPath.get('/app-health/portfolio/livez')).toMatchObject({ path: '/healthz', port: 9080, timeoutMs: 1000 });
    expect(probers.byPath.get('/app-health/db/startupz')).toEqual({ kind: 'tcp', port: 5432, timeoutMs: 1000 });
  });

  it('reports each bad entry by key and field and keeps the good ones', () => {
    const { probers, errors } = parseAppProbers({
      '/app-health/a/readyz': { httpGet: { path: '/ready', port: 'http' } },
      '/app-health/a/livez': { httpGet: { path: '/live', port: 8080, scheme: 'GOPHER' } },
      '/healthz': { httpGet: { port: 8080 } },
      '/app-health/b/readyz': { exec: { command: ['true'] } },
      '/app-health/c/readyz': { httpGet: { port: 8080 }, timeoutSeconds: 0 },
      '/app-health/d/readyz': { httpGet: { port: 8080, httpHeaders: [{ name: 'bad header', value: 'x' }] } },
      '/app-health/ok/readyz': { httpGet: { port: 8080 } },
    });
    expect(errors.map((error) => `${error.path} ${error.field}`)).toEqual([
      '/app-health/a/readyz httpGet.port',
      '/app-health/a/livez httpGet.scheme',
      '/healthz ',
      '/app-health/b/readyz ',
      '/app-health/c/readyz timeoutSeconds',
      '/app-health/d/readyz httpGet.httpHeaders',
    ]);
    expect(errors[0].message).toContain('"http"');
    expect([...probers.byPath.keys()]).toEqual(['/app-health/ok/readyz']);
  });

  it('treats an absent variable as no probers and bad JSON as one error', () => {
    expect(parseAppProbersJson(undefined).probers.byPath.size).toBe(0);
    expect(parseAppProbersJson('').errors).toEqual([]);
    expect(parseAppProbersJson('{"/app-health/a/readyz":').errors[0].message).toContain('not valid JSON');
    expect(parseAppProbers([1, 2]).errors).toHaveLength(1);
  });
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProxyEngine } from '../src';
import { get, startBackend, type Backend } from './backends';
import { httpListener, pack, staticCluster } from './fixtures';

const FILE_LOG = 'envoy.extensions.access_loggers.file.v3.FileAccessLog';

describe('access logs (text and JSON) through real requests', () => {
  let engine: ProxyEngine;
  let backend: Backend;
  const dir = mkdtempSync(join(tmpdir(), 'proxy-logs-'));

  beforeAll(async () => {
    backend = await startBackend('web');
    engine = new ProxyEngine({ drainMs: 100 });
    await engine.applyStatic({
      clusters: [staticCluster('web', [backend.port])],
      listeners: [
        httpListener('logged', 0, {
          routeConfig: {
            name: 'r',
            virtual_hosts: [{ name: 'v', domains: ['*'], routes: [{ name: 'to-web', match: { prefix: '/' }, route: { cluster: 'web' } }] }],
          },
          hcm: {
            access_log: [
              { name: 'envoy.access_loggers.file', typed_config: pack(FILE_LOG, { path: join(dir, 'text.log') }) },
              {
                name: 'envoy.access_loggers.file',
                typed_config: pack(FILE_LOG, {
                  path: join(dir, 'json.log'),
                  log_format: {
                    json_format: {
                      fields: {
                        method: { stringValue: '%REQ(:METHOD)%' },
                        code: { stringValue: '%RESPONSE_CODE%' },
                        cluster: { stringValue: '%UPSTREAM_CLUSTER%' },
                        route: { stringValue: '%ROUTE_NAME%' },
                        agent: { stringValue: '%REQ(USER-AGENT)%' },
                      },
                    },
                  },
                }),
              },
            ],
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await engine.close();
    await backend.close();
  });

  it('writes one line per request in each format', async () => {
    const port = engine.listeners.get('logged')?.port ?? 0;
    await get(port, '/quotes?s=IBM', { host: 'shop', 'user-agent': 'curl/7', 'x-request-id': 'req-1' });
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        if (readFileSync(join(dir, 'json.log'), 'utf8').includes('\n') && readFileSync(join(dir, 'text.log'), 'utf8').includes('\n')) break;
      } catch {
        // not created yet
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const text = readFileSync(join(dir, 'text.log'), 'utf8');
    expect(text).toMatch(/^\[\d{4}-\d\d-\d\dT[^\]]+\] "GET \/quotes\?s=IBM HTTP\/1\.1" 200 - 0 \d+ \d+ \d+ "-" "curl\/7" "req-1" "shop" "127\.0\.0\.1:\d+" web /);
    expect(JSON.parse(readFileSync(join(dir, 'json.log'), 'utf8').trim())).toEqual({ method: 'GET', code: 200, cluster: 'web', route: 'to-web', agent: 'curl/7' });
  });
});

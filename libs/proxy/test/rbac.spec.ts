import { EXTENSION_TYPE_NAMES } from '@isthmus/protos';
import { request as httpsRequest } from 'node:https';
import { ProxyEngine } from '../src';
import { get, startBackend, type Backend } from './backends';
import { createTestPki } from './certs';
import { httpListener, pack, routerFilter, staticCluster } from './fixtures';

/** Istio authorization as Pilot emits it: Envoy's RBAC HTTP filter, enforced through real requests (and mTLS). */
describe('RBAC filter', () => {
  const pki = createTestPki();
  const server = pki.issue('server', { dns: ['quotes.local'], uri: ['spiffe://cluster.local/ns/stock/sa/quotes'] });
  const viewer = pki.issue('viewer', { uri: ['spiffe://cluster.local/ns/stock/sa/trader'] });
  const stranger = pki.issue('stranger', { uri: ['spiffe://cluster.local/ns/other/sa/x'] });
  let engine: ProxyEngine;
  let backend: Backend;

  const rbacFilter = (principals: object[]) => ({
    name: 'envoy.filters.http.rbac',
    typed_config: pack(EXTENSION_TYPE_NAMES.rbac, {
      rules: {
        action: 'ALLOW',
        policies: {
          'quotes-viewer': {
            permissions: [
              { and_rules: { rules: [{ header: { name: ':method', string_match: { exact: 'GET' } } }, { url_path: { path: { suffix: '/quotes' } } }] } },
            ],
            principals,
          },
        },
      },
    }),
  });
  const routeConfig = { name: 'r', virtual_hosts: [{ name: 'v', domains: ['*'], routes: [{ match: { prefix: '/' }, route: { cluster: 'web' } }] }] };

  beforeAll(async () => {
    backend = await startBackend('web');
    engine = new ProxyEngine({ drainMs: 100 });
    await engine.applyStatic({
      clusters: [staticCluster('web', [backend.port])],
      listeners: [
        httpListener('plain', 0, { routeConfig, filters: [rbacFilter([{ any: true }]), routerFilter()] }),
        httpListener('mtls', 0, {
          routeConfig,
          filters: [rbacFilter([{ authenticated: { principal_name: { exact: 'spiffe://cluster.local/ns/stock/sa/trader' } } }]), routerFilter()],
          chain: {
            transport_socket: {
              name: 'envoy.transport_sockets.tls',
              typed_config: pack(EXTENSION_TYPE_NAMES.downstreamTlsContext, {
                common_tls_context: {
                  tls_certificates: [{ certificate_chain: { filename: server.certFile }, private_key: { filename: server.keyFile } }],
                  validation_context: { trusted_ca: { filename: pki.caFile } },
                },
                require_client_certificate: { value: true },
              }),
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await engine.close();
    await backend.close();
  });

  it('allows only what a policy permits, answering 403 "RBAC: access denied" otherwise', async () => {
    const port = engine.listeners.get('plain')?.port ?? 0;
    expect((await get(port, '/api/quotes')).status).toBe(200);
    const denied = await get(port, '/api/quotes', {}, 'POST', 'x');
    expect(denied).toMatchObject({ status: 403, text: 'RBAC: access denied' });
    expect((await get(port, '/api/portfolio')).status).toBe(403);
    const stats = engine.stats.snapshot();
    expect(stats['http.plain.rbac.denied'].value).toBe(2);
    expect(stats['http.plain.rbac.allowed'].value).toBe(1);
  });

  it('matches the authenticated principal from the client certificate (mTLS)', async () => {
    const port = engine.listeners.get('mtls')?.port ?? 0;
    const call = (client: { cert: string; key: string }) =>
      new Promise<number>((resolve, reject) => {
        const outgoing = httpsRequest({ host: '127.0.0.1', port, path: '/api/quotes', servername: 'quotes.local', ca: pki.ca.cert, cert: client.cert, key: client.key, agent: false }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        outgoing.on('error', reject);
        outgoing.end();
      });
    expect(await call(viewer)).toBe(200);
    expect(await call(stranger)).toBe(403);
  });
});

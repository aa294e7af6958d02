import { copyFileSync, utimesSync } from 'node:fs';
import { request } from 'node:https';
import { EXTENSION_TYPE_NAMES } from '@isthmus/protos';
import { ProxyEngine } from '../src';
import { createTestPki } from './certs';
import { httpListener, pack } from './fixtures';

/** Router mode: gateway certificates are files (mounted from a Secret); a rotated file is served without a push. */
describe('downstream certificate files are reloaded when they change', () => {
  it('serves the new certificate on the next handshake', async () => {
    const pki = createTestPki();
    const first = pki.issue('first', { dns: ['shop.example.com'] });
    const second = pki.issue('second', { dns: ['shop.example.com'] });
    const certFile = `${pki.dir}/live.crt`;
    const keyFile = `${pki.dir}/live.key`;
    copyFileSync(first.certFile, certFile);
    copyFileSync(first.keyFile, keyFile);
    const engine = new ProxyEngine({ drainMs: 100 });
    await engine.applyStatic({
      listeners: [
        httpListener('https', 0, {
          routeConfig: { name: 'r', virtual_hosts: [{ name: 'v', domains: ['*'], routes: [{ match: { prefix: '/' }, direct_response: { status: 200, body: { inline_string: 'ok' } } }] }] },
          chain: {
            transport_socket: {
              name: 'envoy.transport_sockets.tls',
              typed_config: pack(EXTENSION_TYPE_NAMES.downstreamTlsContext, {
                common_tls_context: { tls_certificates: [{ certificate_chain: { filename: certFile }, private_key: { filename: keyFile } }] },
              }),
            },
          },
        }),
      ],
    });
    const port = engine.listeners.get('https')?.port ?? 0;
    const subject = () =>
      new Promise<string>((resolve, reject) => {
        const outgoing = request({ host: '127.0.0.1', port, path: '/', servername: 'shop.example.com', ca: pki.ca.cert, agent: false }, (response) => {
          const cert = (response.socket as import('node:tls').TLSSocket).getPeerCertificate();
          response.resume();
          resolve(String(cert.subject.CN));
        });
        outgoing.on('error', reject);
        outgoing.end();
      });
    expect(await subject()).toBe('first');
    copyFileSync(second.certFile, certFile);
    copyFileSync(second.keyFile, keyFile);
    const later = new Date(Date.now() + 5_000);
    utimesSync(certFile, later, later);
    utimesSync(keyFile, later, later);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await subject()).toBe('second');
    await engine.close();
  });
});

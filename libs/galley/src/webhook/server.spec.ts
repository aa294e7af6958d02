import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { LogScopes } from '@isthmus/runtime';
import { createServingCert } from '@isthmus/testenv';
import { WebhookServer } from './server';

const logger = new LogScopes('test', new Map([['default', 'fatal']])).root;

function servedCertificate(port: number, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/ready', ca, method: 'GET' }, (res) => {
      resolve((res.socket as TLSSocket).getPeerCertificate().fingerprint256);
      res.resume();
    });
    req.on('error', reject);
    req.end();
  });
}

describe('WebhookServer', () => {
  it('serves HTTPS and picks up a rotated certificate without a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'webhook-cert-'));
    const first = createServingCert(['127.0.0.1']);
    writeFileSync(join(dir, 'cert.pem'), first.certPem);
    writeFileSync(join(dir, 'key.pem'), first.keyPem);
    const server = new WebhookServer({
      host: '127.0.0.1',
      port: 0,
      certFile: join(dir, 'cert.pem'),
      keyFile: join(dir, 'key.pem'),
      logger,
      certPollMs: 50,
    });
    const port = await server.start();
    try {
      const before = await servedCertificate(port, first.caPem);
      const second = createServingCert(['127.0.0.1']);
      writeFileSync(join(dir, 'key.pem'), second.keyPem);
      writeFileSync(join(dir, 'cert.pem'), second.certPem);
      const deadline = Date.now() + 5000;
      let after = before;
      while (after === before && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        after = await servedCertificate(port, second.caPem).catch(() => before);
      }
      expect(after).not.toBe(before);
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

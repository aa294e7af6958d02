import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface ProbeTls {
  ca?: string;
  cert?: string;
  key?: string;
  /** Loopback servers with self-signed serving certs (controller-manager, scheduler) are probed without verification. */
  insecure?: boolean;
}

/** GET a URL; resolves to the status code and body, or undefined when nothing answers within the timeout. */
export function probe(url: string, tls: ProbeTls = {}, timeoutMs = 2000): Promise<{ status: number; body: string } | undefined> {
  return new Promise((resolvePromise) => {
    const isHttps = url.startsWith('https:');
    const options = isHttps
      ? { ca: tls.ca, cert: tls.cert, key: tls.key, rejectUnauthorized: tls.insecure !== true, timeout: timeoutMs }
      : { timeout: timeoutMs };
    const req = (isHttps ? httpsRequest : httpRequest)(url, { method: 'GET', ...options }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolvePromise(undefined));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolvePromise(undefined));
    req.end();
  });
}

/** True when GET url answers 200 (and, if given, a body containing `expect`). */
export async function probeOk(url: string, tls: ProbeTls = {}, expect?: string): Promise<boolean> {
  const res = await probe(url, tls);
  return res !== undefined && res.status === 200 && (expect === undefined || res.body.includes(expect));
}

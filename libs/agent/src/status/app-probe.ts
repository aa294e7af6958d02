import { request as httpRequest, IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import { AppProbe } from './app-probers';

export type ProbeOutcome = { readonly ok: true; readonly status: number } | { readonly ok: false; readonly reason: string };

export interface ProbeContext {
  /** Where the app listens from the agent's point of view: loopback in a pod. */
  readonly host: string;
  /** The kubelet's request headers; only User-Agent is passed on (so `kube-probe/*` traffic stays recognisable). */
  readonly incomingHeaders?: IncomingHttpHeaders;
}

/**
 * Runs one rewritten probe against the app. HTTP: a GET with the configured path and headers, answering with the app's
 * status code (kubelet decides what counts as healthy); TCP: success when a connection opens in time.
 */
export function runAppProbe(probe: AppProbe, context: ProbeContext): Promise<ProbeOutcome> {
  return probe.kind === 'http' ? httpProbe(probe, context) : tcpProbe(probe, context);
}

function httpProbe(probe: Extract<AppProbe, { kind: 'http' }>, context: ProbeContext): Promise<ProbeOutcome> {
  const headers: OutgoingHttpHeaders = {};
  const userAgent = context.incomingHeaders?.['user-agent'];
  if (userAgent !== undefined) headers['user-agent'] = userAgent;
  for (const header of probe.headers) {
    // A configured Host header sets the authority the app sees; configured headers win over the kubelet's.
    headers[header.name.toLowerCase()] = header.value;
  }
  const send = probe.scheme === 'HTTPS' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: ProbeOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = send(
      {
        host: context.host,
        port: probe.port,
        path: probe.path,
        method: 'GET',
        headers,
        agent: false, // a fresh connection per probe, as kubelet does: a stale pooled one must not hide a dead app
        rejectUnauthorized: false, // kubelet does not verify the app's certificate either
      },
      (response) => {
        response.resume();
        response.on('end', () => finish({ ok: true, status: response.statusCode ?? 502 }));
        response.on('error', (error) => finish({ ok: false, reason: `reading the app's response: ${error.message}` }));
      },
    );
    const timer = setTimeout(() => {
      finish({ ok: false, reason: `no response from ${probe.scheme.toLowerCase()}://${context.host}:${probe.port}${probe.path} within ${probe.timeoutMs} ms` });
      req.destroy();
    }, probe.timeoutMs);
    req.on('error', (error) => finish({ ok: false, reason: `${probe.scheme.toLowerCase()}://${context.host}:${probe.port}${probe.path}: ${error.message}` }));
    req.end();
  });
}

function tcpProbe(probe: Extract<AppProbe, { kind: 'tcp' }>, context: ProbeContext): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const socket = connect({ host: context.host, port: probe.port });
    const finish = (outcome: ProbeOutcome) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: `tcp ${context.host}:${probe.port}: no connection within ${probe.timeoutMs} ms` }), probe.timeoutMs);
    socket.once('connect', () => finish({ ok: true, status: 200 }));
    socket.once('error', (error) => finish({ ok: false, reason: `tcp ${context.host}:${probe.port}: ${error.message}` }));
  });
}

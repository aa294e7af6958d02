/**
 * The app probes the sidecar injector moved to the agent (`ISTIO_KUBE_APP_PROBERS`): kubelet now calls
 * `/app-health/<container>/livez|readyz|startupz` on the status port, and the agent runs the original probe against the
 * app over loopback, so probes keep working when mTLS is on. This file turns the parsed JSON into checked probers.
 */
export type AppProbe =
  | {
      readonly kind: 'http';
      readonly port: number;
      readonly path: string;
      readonly scheme: 'HTTP' | 'HTTPS';
      readonly headers: readonly { readonly name: string; readonly value: string }[];
      readonly timeoutMs: number;
    }
  | { readonly kind: 'tcp'; readonly port: number; readonly timeoutMs: number };

export interface AppProbers {
  /** Keyed by the request path, e.g. `/app-health/portfolio/readyz`. */
  readonly byPath: ReadonlyMap<string, AppProbe>;
}

export interface AppProberError {
  /** The map key (probe path) the problem is in. */
  readonly path: string;
  /** Field inside that entry, e.g. `httpGet.port`. */
  readonly field: string;
  readonly message: string;
}

export const APP_HEALTH_PATH = /^\/app-health\/([^/]+)\/(livez|readyz|startupz)$/;
/** Kubernetes' default probe timeout. */
const DEFAULT_TIMEOUT_SECONDS = 1;

/**
 * Checks every entry; a bad one is reported and left out, the others still work (one typo must not disable every
 * probe of the pod).
 */
export function parseAppProbers(value: unknown): { probers: AppProbers; errors: readonly AppProberError[] } {
  const byPath = new Map<string, AppProbe>();
  const errors: AppProberError[] = [];
  if (value === undefined || value === null || value === '') return { probers: { byPath }, errors };
  if (!isRecord(value)) {
    return { probers: { byPath }, errors: [{ path: '', field: '', message: 'expected a JSON object keyed by /app-health/<container>/<probe>' }] };
  }
  for (const [path, entry] of Object.entries(value)) {
    const result = parseEntry(path, entry);
    if ('error' in result) errors.push({ path, ...result.error });
    else byPath.set(path, result.probe);
  }
  return { probers: { byPath }, errors };
}

/** Convenience for the raw environment value; a JSON syntax error is reported like any other problem. */
export function parseAppProbersJson(text: string | undefined): { probers: AppProbers; errors: readonly AppProberError[] } {
  if (text === undefined || text.trim() === '') return parseAppProbers(undefined);
  try {
    return parseAppProbers(JSON.parse(text));
  } catch (error) {
    return { probers: { byPath: new Map() }, errors: [{ path: '', field: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
}

type EntryResult = { probe: AppProbe } | { error: { field: string; message: string } };

function parseEntry(path: string, entry: unknown): EntryResult {
  const fail = (field: string, message: string): EntryResult => ({ error: { field, message } });
  if (!APP_HEALTH_PATH.test(path)) return fail('', 'key must look like /app-health/<container>/livez, readyz or startupz');
  if (!isRecord(entry)) return fail('', 'expected an object with httpGet or tcpSocket');
  const timeout = entry['timeoutSeconds'] ?? DEFAULT_TIMEOUT_SECONDS;
  if (typeof timeout !== 'number' || !(timeout > 0)) return fail('timeoutSeconds', `expected a positive number, got ${JSON.stringify(timeout)}`);
  const timeoutMs = timeout * 1000;
  const httpGet = entry['httpGet'];
  const tcpSocket = entry['tcpSocket'];
  if (httpGet !== undefined && tcpSocket !== undefined) return fail('', 'give httpGet or tcpSocket, not both');
  if (isRecord(httpGet)) {
    const port = parsePortValue(httpGet['port']);
    if (typeof port === 'string') return fail('httpGet.port', port);
    const rawPath = httpGet['path'] ?? '/';
    if (typeof rawPath !== 'string') return fail('httpGet.path', 'expected a string');
    const scheme = String(httpGet['scheme'] ?? 'HTTP').toUpperCase();
    if (scheme !== 'HTTP' && scheme !== 'HTTPS') return fail('httpGet.scheme', `expected HTTP or HTTPS, got ${JSON.stringify(httpGet['scheme'])}`);
    const headers = parseHeaders(httpGet['httpHeaders']);
    if (typeof headers === 'string') return fail('httpGet.httpHeaders', headers);
    const probePath = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
    return { probe: { kind: 'http', port, path: probePath, scheme, headers, timeoutMs } };
  }
  if (isRecord(tcpSocket)) {
    const port = parsePortValue(tcpSocket['port']);
    if (typeof port === 'string') return fail('tcpSocket.port', port);
    return { probe: { kind: 'tcp', port, timeoutMs } };
  }
  return fail('', 'expected httpGet or tcpSocket (exec probes are not rewritten)');
}

/** A number or numeric string; named ports are resolved by the injector, so a name here is an error. */
function parsePortValue(value: unknown): number | string {
  const port = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    return `expected a port number from 1 to 65535, got ${JSON.stringify(value)}`;
  }
  return port;
}

function parseHeaders(value: unknown): { name: string; value: string }[] | string {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return 'expected a list of {name, value}';
  const headers: { name: string; value: string }[] = [];
  for (const [index, header] of value.entries()) {
    if (!isRecord(header) || typeof header['name'] !== 'string' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(header['name'])) {
      return `entry ${index}: expected {name, value} with a valid header name`;
    }
    headers.push({ name: header['name'], value: String(header['value'] ?? '') });
  }
  return headers;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

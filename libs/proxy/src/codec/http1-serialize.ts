import { STATUS_CODES, type OutgoingHttpHeaders } from 'node:http';

const UNSAFE = /[\r\n\0]/;

/** One header line; names or values that would break the framing (CR, LF, NUL — only config can put them there) throw. */
export function headerLine(name: string, value: string): string {
  if (UNSAFE.test(value) || UNSAFE.test(name)) throw Object.assign(new Error(`invalid character in header "${name}"`), { code: 'ERR_INVALID_CHAR' });
  return `${name}: ${value}\r\n`;
}

/** Header lines for every value (lists become repeated lines); `skip` names headers the caller writes itself. */
export function headerLines(headers: OutgoingHttpHeaders, skip?: (name: string) => boolean): string {
  let out = '';
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || skip?.(name)) continue;
    if (typeof value === 'object') {
      for (const item of value) out += headerLine(name, item);
    } else out += headerLine(name, String(value));
  }
  return out;
}

/** The request line and headers, ending with the blank line. */
export function serializeRequestHead(method: string, path: string, headers: OutgoingHttpHeaders, transferEncoding?: 'chunked'): string {
  let head = `${method} ${path} HTTP/1.1\r\n${headerLines(headers, (name) => name === 'transfer-encoding')}`;
  if (transferEncoding) head += `transfer-encoding: ${transferEncoding}\r\n`;
  return `${head}\r\n`;
}

/** A body-less answer after which the connection closes (requests the codec or an upgrade cannot take). */
export function closingResponse(status: number, headers: OutgoingHttpHeaders = {}): string {
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Unknown'}\r\n${headerLines(headers)}content-length: 0\r\nconnection: close\r\n\r\n`;
}

let cachedDate = '';
let cachedDateSecond = -1;

/** The IMF-fixdate for `date` headers, formatted once per second. */
export function httpDate(now = Date.now()): string {
  const second = Math.floor(now / 1000);
  if (second !== cachedDateSecond) {
    cachedDateSecond = second;
    cachedDate = new Date(second * 1000).toUTCString();
  }
  return cachedDate;
}

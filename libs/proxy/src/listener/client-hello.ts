/** What a TLS ClientHello says before any handshake: the requested server name and the offered ALPN protocols. */
export interface ClientHelloInfo {
  readonly serverName: string;
  readonly alpn: readonly string[];
}

export type ClientHelloResult = { kind: 'tls'; hello: ClientHelloInfo } | { kind: 'not-tls' } | { kind: 'need-more' };

/**
 * Parses the first TLS record of a connection (Envoy's tls_inspector). Returns need-more until the whole ClientHello
 * record has arrived; anything that is not a TLS handshake record is plaintext.
 */
export function parseClientHello(data: Buffer): ClientHelloResult {
  if (data.length < 1) return { kind: 'need-more' };
  if (data[0] !== 0x16) return { kind: 'not-tls' };
  if (data.length < 5) return { kind: 'need-more' };
  if (data[1] !== 0x03) return { kind: 'not-tls' };
  const recordLength = data.readUInt16BE(3);
  if (data.length < 5 + recordLength) return { kind: 'need-more' };
  const record = data.subarray(5, 5 + recordLength);
  if (record[0] !== 0x01) return { kind: 'not-tls' };
  let offset = 4 + 2 + 32; // handshake header, client version, random
  const sessionLength = record[offset];
  offset += 1 + sessionLength;
  const cipherLength = record.readUInt16BE(offset);
  offset += 2 + cipherLength;
  const compressionLength = record[offset];
  offset += 1 + compressionLength;
  let serverName = '';
  const alpn: string[] = [];
  if (offset + 2 <= record.length) {
    const extensionsEnd = Math.min(record.length, offset + 2 + record.readUInt16BE(offset));
    offset += 2;
    while (offset + 4 <= extensionsEnd) {
      const type = record.readUInt16BE(offset);
      const length = record.readUInt16BE(offset + 2);
      const body = record.subarray(offset + 4, offset + 4 + length);
      if (type === 0x0000 && body.length >= 5 && body[2] === 0x00) {
        serverName = body.subarray(5, 5 + body.readUInt16BE(3)).toString('ascii').toLowerCase();
      } else if (type === 0x0010 && body.length >= 2) {
        let position = 2;
        while (position < body.length) {
          const size = body[position];
          alpn.push(body.subarray(position + 1, position + 1 + size).toString('ascii'));
          position += 1 + size;
        }
      }
      offset += 4 + length;
    }
  }
  return { kind: 'tls', hello: { serverName, alpn } };
}

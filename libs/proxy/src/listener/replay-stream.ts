import { Duplex } from 'node:stream';
import type { Socket } from 'node:net';

/**
 * Wraps a socket whose first bytes were read for inspection and pushed back (unshift). HTTP/2 sessions and TLS
 * sockets read a net.Socket's file descriptor directly and would miss those bytes; through this JS stream they see
 * them. Used only after inspection; plain HTTP/1.1 takes the socket itself.
 */
export function replayStream(socket: Socket): Duplex {
  const duplex = new Duplex({
    read() {
      socket.resume();
    },
    write(chunk: Buffer, _encoding, callback) {
      socket.write(chunk, callback);
    },
    final(callback) {
      socket.end();
      callback();
    },
    destroy(error, callback) {
      socket.destroy(error ?? undefined);
      callback(error);
    },
  });
  socket.on('data', (chunk: Buffer) => {
    if (!duplex.push(chunk)) socket.pause();
  });
  socket.once('end', () => duplex.push(null));
  socket.once('close', () => duplex.destroy());
  socket.on('error', (error) => duplex.destroy(error));
  // Addresses for logs and x-forwarded-for.
  Object.defineProperties(duplex, {
    remoteAddress: { get: () => socket.remoteAddress },
    remotePort: { get: () => socket.remotePort },
    localAddress: { get: () => socket.localAddress },
    localPort: { get: () => socket.localPort },
  });
  (duplex as Duplex & { setNoDelay?: () => void; setKeepAlive?: () => void; setTimeout?: (ms: number, cb?: () => void) => void }).setNoDelay = () => undefined;
  return duplex;
}

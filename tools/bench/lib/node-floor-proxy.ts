/**
 * The floor for any proxy written in Node, as a benchmark baseline: a raw-socket HTTP/1.1 forwarder with nothing a
 * real proxy needs (content-length bodies only, one upstream, no routing, no error handling). Returned as source for
 * `node -e`, so it runs without the TypeScript loader. Arguments: listen port, upstream port.
 */
export const NODE_FLOOR_PROXY = `
const net = require('node:net');
const [listenPort, upstreamPort] = process.argv.slice(1).map(Number);
const idle = [];
function messages(socket, onMessage) {
  let pending = null;
  socket.on('data', (data) => {
    pending = pending ? Buffer.concat([pending, data]) : data;
    for (;;) {
      const end = pending.indexOf('\\r\\n\\r\\n');
      if (end < 0) return;
      const head = pending.toString('latin1', 0, end + 4);
      const match = /content-length: *(\\d+)/i.exec(head);
      const total = end + 4 + (match ? Number(match[1]) : 0);
      if (pending.length < total) return;
      const message = pending.subarray(0, total);
      pending = pending.length > total ? pending.subarray(total) : null;
      onMessage(message);
      if (!pending) return;
    }
  });
}
function upstream() {
  const socket = net.connect(upstreamPort, '127.0.0.1');
  socket.setNoDelay(true);
  messages(socket, (response) => { const reply = socket.reply; socket.reply = null; idle.push(socket); reply(response); });
  return socket;
}
net.createServer({ noDelay: true }, (client) => {
  client.on('error', () => {});
  messages(client, (request) => {
    const socket = idle.pop() || upstream();
    socket.reply = (response) => client.write(response);
    socket.write(request);
  });
}).listen(listenPort, '127.0.0.1');
`;

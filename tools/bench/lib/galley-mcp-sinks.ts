/**
 * Child process of tools/bench/galley-mcp.ts: N MCP sinks subscribed to every Galley collection. Reports (over IPC)
 * when each sink has synced, and when each sink applied a VirtualService whose first host is `change-<n>`.
 * Times are epoch milliseconds with sub-ms precision (performance.timeOrigin + now), comparable across processes.
 */
import { McpSinkClient } from '@isthmus/mcp';
import { IstioConfigSchema } from '@isthmus/galley';
import { LogScopes } from '@isthmus/runtime';

const [port, count, mode] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4] ?? 'mixed'];
const now = () => performance.timeOrigin + performance.now();
const logger = new LogScopes('bench-sink', new Map([['default', 'error']])).root;
const collections = new IstioConfigSchema()
  .kinds()
  .map((kind) => ({ collection: kind.collection, decode: (body: unknown) => body }));
const send = (message: object) => process.send?.(message);

const sinks = Array.from({ length: count }, (_, index) => {
  const sink = new McpSinkClient({
    address: `127.0.0.1:${port}`,
    sinkId: `bench-sink-${index}`,
    collections,
    logger,
    incremental: mode === 'incremental' || (mode === 'mixed' && index % 2 === 1),
    channelOptions: {
      'grpc.max_receive_message_length': 256 * 1024 * 1024,
      'grpc-node.flow_control_window': 16 * 1024 * 1024,
    },
    apply: (update) => {
      if (update.collection !== 'istio/networking/v1alpha3/virtualservices') return;
      for (const name of update.changed) {
        const host = (update.resources.get(name)?.value as { hosts?: string[] } | undefined)?.hosts?.[0] ?? '';
        if (host.startsWith('change-'))
          send({ type: 'applied', sink: index, change: Number(host.slice(7)), at: now() });
      }
    },
  });
  return sink;
});

send({ type: 'starting', at: now() });
for (const [index, sink] of sinks.entries()) {
  sink.start();
  void sink.synced().then(() => send({ type: 'synced', sink: index, at: now() }));
}
process.on('message', (message: { type: string }) => {
  if (message.type === 'stop') {
    for (const sink of sinks) sink.stop();
    process.exit(0);
  }
});

/**
 * N simulated sidecars in one process, each its own gRPC connection and ADS stream, subscribing to all four types
 * (wildcard) and ACKing every response without decoding resources, so the measurement is Pilot's, not the clients'.
 * Reports, per client and type, the last version received and when. Started by tools/bench/pilot.ts.
 */
import * as grpc from '@grpc/grpc-js';
import { envoyGrpc } from '@isthmus/protos';
import type { DiscoveryRequest, DiscoveryResponse__Output } from '@isthmus/protos';
import { TYPE_URL } from '@isthmus/xds';

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const COUNT = Number(args.get('clients') ?? 100);
const ADDRESS = args.get('address') ?? '127.0.0.1:15010';
const TYPES = [TYPE_URL.cluster, TYPE_URL.endpoint, TYPE_URL.listener, TYPE_URL.route];

interface ClientState {
  versions: Record<string, string>;
  times: Record<string, number>;
  counts: Record<string, number>;
}

const states: ClientState[] = [];

function startClient(index: number): void {
  const Ads = envoyGrpc().envoy.service.discovery.v3.AggregatedDiscoveryService;
  // A local subchannel pool gives each simulated proxy its own connection, as separate pods would have.
  const client = new Ads(ADDRESS, grpc.credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1, 'grpc.max_receive_message_length': -1 });
  const state: ClientState = { versions: {}, times: {}, counts: {} };
  states.push(state);
  const call = client.StreamAggregatedResources();
  const ip = `10.200.${Math.floor(index / 250)}.${(index % 250) + 1}`;
  let first = true;
  const send = (request: DiscoveryRequest) => {
    if (first) {
      request.node = { id: `sidecar~${ip}~client-${index}.bench~bench.svc.cluster.local` };
      first = false;
    }
    call.write(request);
  };
  call.on('data', (response: DiscoveryResponse__Output) => {
    state.versions[response.type_url] = response.version_info;
    state.times[response.type_url] = Date.now();
    state.counts[response.type_url] = (state.counts[response.type_url] ?? 0) + 1;
    send({ type_url: response.type_url, version_info: response.version_info, response_nonce: response.nonce, resource_names: [] });
  });
  call.on('error', (error: grpc.ServiceError) => process.stderr.write(`client ${index}: ${error.message}\n`));
  for (const typeUrl of TYPES) send({ type_url: typeUrl, resource_names: [] });
}

for (let i = 0; i < COUNT; i++) startClient(i);

process.on('message', (message: { cmd: 'report'; typeUrl: string }) => {
  if (message.cmd === 'report') {
    process.send?.({
      type: 'report',
      versions: states.map((state) => state.versions[message.typeUrl] ?? ''),
      times: states.map((state) => state.times[message.typeUrl] ?? 0),
      complete: states.filter((state) => TYPES.every((type) => state.versions[type])).length,
    });
  }
});
process.send?.({ type: 'started', count: COUNT });

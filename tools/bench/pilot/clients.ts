/**
 * N simulated sidecars in one process, each its own gRPC connection and ADS stream, subscribing to all four types
 * (wildcard) and ACKing every response after reading only its version/type/nonce (resources are skipped, not
 * decoded), so the measurement is Pilot's rather than the simulator's.
 * Reports, per client and type, the last version received and when. Started by tools/bench/pilot.ts.
 */
import * as grpc from '@grpc/grpc-js';
import { envoyCodec } from '@isthmus/protos';
import type { DiscoveryRequest } from '@isthmus/protos';
import { TYPE_URL } from '@isthmus/xds';
import { Reader } from 'protobufjs';

interface ResponseHead {
  version_info: string;
  type_url: string;
  nonce: string;
}

/** Reads only version, type and nonce of a DiscoveryResponse (skipping resources), as a cheap simulated proxy. */
function readHead(bytes: Buffer): ResponseHead {
  const reader = Reader.create(bytes);
  const head: ResponseHead = { version_info: '', type_url: '', nonce: '' };
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    switch (tag >>> 3) {
      case 1:
        head.version_info = reader.string();
        break;
      case 4:
        head.type_url = reader.string();
        break;
      case 5:
        head.nonce = reader.string();
        break;
      default:
        reader.skipType(tag & 7);
    }
  }
  return head;
}

const ADS_DEFINITION: grpc.ServiceDefinition = {
  StreamAggregatedResources: {
    path: '/envoy.service.discovery.v3.AggregatedDiscoveryService/StreamAggregatedResources',
    requestStream: true,
    responseStream: true,
    requestSerialize: (request: DiscoveryRequest) => envoyCodec().encode('envoy.service.discovery.v3.DiscoveryRequest', request),
    requestDeserialize: (bytes: Buffer) => bytes,
    responseSerialize: (value: Buffer) => value,
    responseDeserialize: readHead,
  },
};
const AdsClientConstructor = grpc.makeGenericClientConstructor(ADS_DEFINITION, 'AggregatedDiscoveryService');

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
  // A local subchannel pool gives each simulated proxy its own connection, as separate pods would have.
  const client = new AdsClientConstructor(ADDRESS, grpc.credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1, 'grpc.max_receive_message_length': -1 });
  const state: ClientState = { versions: {}, times: {}, counts: {} };
  states.push(state);
  const call = (client as unknown as { StreamAggregatedResources(): grpc.ClientDuplexStream<DiscoveryRequest, ResponseHead> }).StreamAggregatedResources();
  const ip = `10.200.${Math.floor(index / 250)}.${(index % 250) + 1}`;
  let first = true;
  const send = (request: DiscoveryRequest) => {
    if (first) {
      request.node = { id: `sidecar~${ip}~client-${index}.bench~bench.svc.cluster.local` };
      first = false;
    }
    call.write(request);
  };
  call.on('data', (response: ResponseHead) => {
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

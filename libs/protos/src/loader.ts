import { GrpcObject, loadPackageDefinition } from '@grpc/grpc-js';
import type { Options } from '@grpc/proto-loader';
import { INamespace } from 'protobufjs';
import envoyDescriptor from './generated/envoy-descriptor.json';
import istioDescriptor from './generated/istio-descriptor.json';
import type { ProtoGrpcType as AdsProto } from './generated/envoy/ads';
import type { ProtoGrpcType as CaProto } from './generated/istio/ca';
import type { ProtoGrpcType as HealthProto } from './generated/istio/health';
import type { ProtoGrpcType as McpProto } from './generated/istio/mcp';
import type { ProtoGrpcType as MixerProto } from './generated/istio/mixer';

/**
 * Decoding options shared by the generated types and the run-time loader: snake_case field names as in the protos,
 * 64-bit integers and enums as strings, defaults filled in, and a virtual field naming the set member of each oneof.
 */
export const PROTO_LOADER_OPTIONS: Options = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };

export const ENVOY_DESCRIPTOR = envoyDescriptor as INamespace;
export const ISTIO_DESCRIPTOR = istioDescriptor as INamespace;

export type EnvoyGrpc = AdsProto;
export type IstioGrpc = McpProto & MixerProto & CaProto & HealthProto;

let envoy: EnvoyGrpc | undefined;
let istio: IstioGrpc | undefined;

/** gRPC service constructors and message definitions of Envoy's v3 xDS API. */
export function envoyGrpc(): EnvoyGrpc {
  envoy ??= load(ENVOY_DESCRIPTOR) as unknown as EnvoyGrpc;
  return envoy;
}

/** gRPC service constructors of our Istio APIs: MCP, Mixer, Citadel CSR and gRPC health. */
export function istioGrpc(): IstioGrpc {
  istio ??= load(ISTIO_DESCRIPTOR) as unknown as IstioGrpc;
  return istio;
}

/** proto-loader is required on first use: a process that only uses the codecs (the proxy) does not pay for it. */
function load(descriptor: INamespace): GrpcObject {
  const { fromJSON } = require('@grpc/proto-loader') as typeof import('@grpc/proto-loader');
  return loadPackageDefinition(fromJSON(descriptor, PROTO_LOADER_OPTIONS));
}

import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import { istioCodec, istioGrpc, MCP_BODY_TYPE_NAME, toStruct, type JsonObject, type McpRequestResources__Output } from '@isthmus/protos';
import { Writer } from 'protobufjs';
import type { McpEntry } from './snapshot';

/** A Resources message whose resources are already encoded, so a snapshot is serialised once, not once per sink. */
export interface WireResources {
  readonly systemVersionInfo: string;
  readonly collection: string;
  readonly resources: readonly Buffer[];
  readonly removedResources: readonly string[];
  readonly nonce: string;
  readonly incremental: boolean;
}

const RESOURCE_TYPE = 'istio.mcp.v1alpha1.Resource';
const encoded = new WeakMap<McpEntry, Buffer>();

/** The wire form of one entry (istio.mcp.v1alpha1.Resource), computed once per entry object. */
export function encodeEntry(entry: McpEntry): Buffer {
  let bytes = encoded.get(entry);
  if (!bytes) {
    const codec = istioCodec();
    const createTime =
      entry.createTimeMs === undefined
        ? null
        : { seconds: String(Math.floor(entry.createTimeMs / 1000)), nanos: (entry.createTimeMs % 1000) * 1e6 };
    bytes = codec.encode(RESOURCE_TYPE, {
      metadata: { name: entry.name, version: entry.version, labels: entry.labels, annotations: entry.annotations, create_time: createTime },
      body: codec.pack(MCP_BODY_TYPE_NAME, toStruct(entry.body as JsonObject)),
    });
    encoded.set(entry, bytes);
  }
  return bytes;
}

/** Hand-rolled encoder for the Resources envelope (field numbers from mcp.proto) around pre-encoded resources. */
export function encodeResources(message: WireResources): Buffer {
  const writer = Writer.create();
  if (message.systemVersionInfo) writer.uint32((1 << 3) | 2).string(message.systemVersionInfo);
  if (message.collection) writer.uint32((2 << 3) | 2).string(message.collection);
  for (const resource of message.resources) writer.uint32((3 << 3) | 2).bytes(resource);
  for (const name of message.removedResources) writer.uint32((4 << 3) | 2).string(name);
  if (message.nonce) writer.uint32((5 << 3) | 2).string(message.nonce);
  if (message.incremental) writer.uint32((6 << 3) | 0).bool(true);
  return Buffer.from(writer.finish());
}

type SourceMethod = MethodDefinition<McpRequestResources__Output, WireResources>;

/** ResourceSource with our envelope serializer on the response side; requests decode as usual. */
export function resourceSourceDefinition(): ServiceDefinition<{ EstablishResourceStream: SourceMethod }> {
  const standard = istioGrpc().istio.mcp.v1alpha1.ResourceSource.service.EstablishResourceStream;
  const method: SourceMethod = {
    path: standard.path,
    requestStream: true,
    responseStream: true,
    requestSerialize: standard.requestSerialize as SourceMethod['requestSerialize'],
    requestDeserialize: standard.requestDeserialize as SourceMethod['requestDeserialize'],
    responseSerialize: encodeResources,
    responseDeserialize: () => {
      throw new Error('the source never decodes its own responses');
    },
  };
  return { EstablishResourceStream: method };
}

import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import {
  istioGrpc,
  MCP_BODY_TYPE_NAME,
  typeUrl,
  type JsonObject,
  type JsonValue,
  type McpRequestResources__Output,
} from '@isthmus/protos';
import { Writer } from 'protobufjs';
import type { McpCollection, McpEntry } from './snapshot';

/** A Resources message whose resources are already encoded, so a snapshot is serialised once, not once per sink. */
export interface WireResources {
  readonly systemVersionInfo: string;
  readonly collection: string;
  /** Pre-encoded resources, or a pre-encoded block of field-3 entries (a whole collection, shared between sinks). */
  readonly resources: readonly Buffer[] | { readonly block: Buffer };
  readonly removedResources: readonly string[];
  readonly nonce: string;
  readonly incremental: boolean;
}

const encoded = new WeakMap<McpEntry, Buffer>();

const STRUCT_TYPE_URL = typeUrl(MCP_BODY_TYPE_NAME);

/**
 * The wire form of one entry (istio.mcp.v1alpha1.Resource), computed once per entry object. Hand-encoded (field
 * numbers from mcp.proto, struct.proto, any.proto, timestamp.proto): the generic codec's shape check and object
 * conversions cost ten times more, and every resource version is encoded here once.
 */
export function encodeEntry(entry: McpEntry): Buffer {
  let bytes = encoded.get(entry);
  if (!bytes) {
    const writer = Writer.create();
    writer.uint32((1 << 3) | 2).fork(); // metadata
    writer.uint32((1 << 3) | 2).string(entry.name);
    if (entry.createTimeMs !== undefined) {
      writer.uint32((2 << 3) | 2).fork();
      writer.uint32((1 << 3) | 0).int64(Math.floor(entry.createTimeMs / 1000));
      const nanos = (entry.createTimeMs % 1000) * 1e6;
      if (nanos) writer.uint32((2 << 3) | 0).int32(nanos);
      writer.ldelim();
    }
    writer.uint32((3 << 3) | 2).string(entry.version);
    writeStringMap(writer, 4, entry.labels);
    writeStringMap(writer, 5, entry.annotations);
    writer.ldelim();
    writer.uint32((2 << 3) | 2).fork(); // body: Any
    writer.uint32((1 << 3) | 2).string(STRUCT_TYPE_URL);
    writer.uint32((2 << 3) | 2).fork();
    writeStruct(writer, entry.body as JsonObject);
    writer.ldelim();
    writer.ldelim();
    bytes = Buffer.from(writer.finish());
    encoded.set(entry, bytes);
  }
  return bytes;
}

function writeStringMap(writer: Writer, field: number, map: Readonly<Record<string, string>>): void {
  for (const key in map) {
    writer.uint32((field << 3) | 2).fork();
    writer.uint32((1 << 3) | 2).string(key);
    writer.uint32((2 << 3) | 2).string(map[key]);
    writer.ldelim();
  }
}

/** google.protobuf.Struct fields of a JSON object (undefined members are left out, as JSON does). */
function writeStruct(writer: Writer, object: Readonly<Record<string, JsonValue | undefined>>): void {
  for (const key in object) {
    const value = object[key];
    if (value === undefined) continue;
    writer.uint32((1 << 3) | 2).fork();
    writer.uint32((1 << 3) | 2).string(key);
    writer.uint32((2 << 3) | 2).fork();
    writeValue(writer, value);
    writer.ldelim();
    writer.ldelim();
  }
}

function writeValue(writer: Writer, value: JsonValue): void {
  if (value === null) writer.uint32((1 << 3) | 0).int32(0);
  else if (typeof value === 'number') writer.uint32((2 << 3) | 1).double(value);
  else if (typeof value === 'string') writer.uint32((3 << 3) | 2).string(value);
  else if (typeof value === 'boolean') writer.uint32((4 << 3) | 0).bool(value);
  else if (Array.isArray(value)) {
    writer.uint32((6 << 3) | 2).fork();
    for (const item of value) {
      writer.uint32((1 << 3) | 2).fork();
      writeValue(writer, item);
      writer.ldelim();
    }
    writer.ldelim();
  } else {
    writer.uint32((5 << 3) | 2).fork();
    writeStruct(writer, value);
    writer.ldelim();
  }
}

const blocks = new WeakMap<McpCollection, Buffer>();

/** Every resource of a collection as encoded field-3 entries, computed once per collection object. */
export function collectionBlock(collection: McpCollection): { block: Buffer } {
  let block = blocks.get(collection);
  if (!block) {
    const writer = Writer.create();
    for (const entry of collection.entries.values()) writer.uint32((3 << 3) | 2).bytes(encodeEntry(entry));
    block = Buffer.from(writer.finish());
    blocks.set(collection, block);
  }
  return { block };
}

/** Hand-rolled encoder for the Resources envelope (field numbers from mcp.proto) around pre-encoded resources. */
export function encodeResources(message: WireResources): Buffer {
  const head = Writer.create();
  if (message.systemVersionInfo) head.uint32((1 << 3) | 2).string(message.systemVersionInfo);
  if (message.collection) head.uint32((2 << 3) | 2).string(message.collection);
  if (Array.isArray(message.resources))
    for (const resource of message.resources) head.uint32((3 << 3) | 2).bytes(resource);
  const tail = Writer.create();
  for (const name of message.removedResources) tail.uint32((4 << 3) | 2).string(name);
  if (message.nonce) tail.uint32((5 << 3) | 2).string(message.nonce);
  if (message.incremental) tail.uint32((6 << 3) | 0).bool(true);
  const block = Array.isArray(message.resources) ? undefined : (message.resources as { block: Buffer }).block;
  return block ? Buffer.concat([head.finish(), block, tail.finish()]) : Buffer.concat([head.finish(), tail.finish()]);
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

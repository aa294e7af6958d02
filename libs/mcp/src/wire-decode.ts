import type { JsonObject, JsonValue } from '@isthmus/protos';
import { Reader } from 'protobufjs';

/** A resource the sink already holds at this version: only its name was read. */
export interface HeldResource {
  readonly name: string;
  readonly unchanged: true;
}

/** One resource as received: metadata decoded, the body left as bytes until the sink needs it. */
export interface ReceivedResource {
  readonly unchanged?: false;
  readonly name: string;
  readonly version: string;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly createTimeMs?: number;
  readonly bodyTypeUrl: string;
  readonly body: Uint8Array;
}

/** istio.mcp.v1alpha1.Resources as a sink receives it. */
export interface ReceivedResources {
  readonly systemVersionInfo: string;
  readonly collection: string;
  readonly resources: (ReceivedResource | HeldResource)[];
  readonly removedResources: string[];
  readonly nonce: string;
  readonly incremental: boolean;
}

/**
 * Hand-rolled decoder for the Resources envelope (field numbers from mcp.proto). Bodies stay raw so a sink decodes only
 * resources whose version changed; decoding a 10,000-resource state-of-the-world response is then mostly a copy.
 */
export function decodeResources(
  bytes: Uint8Array,
  heldVersion: (collection: string, name: string) => string | undefined = () => undefined,
): ReceivedResources {
  const reader = Reader.create(bytes);
  const message = {
    systemVersionInfo: '',
    collection: '',
    resources: [] as (ReceivedResource | HeldResource)[],
    removedResources: [] as string[],
    nonce: '',
    incremental: false,
  };
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    switch (tag >>> 3) {
      case 1:
        message.systemVersionInfo = reader.string();
        break;
      case 2:
        message.collection = reader.string();
        break;
      case 3:
        message.resources.push(
          decodeResource(reader, reader.uint32() + reader.pos, (name) => heldVersion(message.collection, name)),
        );
        break;
      case 4:
        message.removedResources.push(reader.string());
        break;
      case 5:
        message.nonce = reader.string();
        break;
      case 6:
        message.incremental = reader.bool();
        break;
      default:
        reader.skipType(tag & 7);
    }
  }
  return message;
}

function decodeResource(
  reader: Reader,
  end: number,
  heldVersion: (name: string) => string | undefined,
): ReceivedResource | HeldResource {
  let metadata: Metadata = { name: '', version: '', labels: {}, annotations: {} };
  let bodyTypeUrl = '';
  let body: Uint8Array = new Uint8Array(0);
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1) {
      const metadataEnd = reader.uint32() + reader.pos;
      const held = peekHeld(reader, metadataEnd, heldVersion);
      if (held) {
        reader.pos = end; // the sink has this version: skip the rest of the resource
        return { name: held, unchanged: true };
      }
      metadata = decodeMetadata(reader, metadataEnd);
    } else if (tag >>> 3 === 2) {
      const anyEnd = reader.uint32() + reader.pos;
      while (reader.pos < anyEnd) {
        const anyTag = reader.uint32();
        if (anyTag >>> 3 === 1) bodyTypeUrl = reader.string();
        else if (anyTag >>> 3 === 2) body = reader.bytes();
        else reader.skipType(anyTag & 7);
      }
    } else reader.skipType(tag & 7);
  }
  return {
    name: metadata.name,
    version: metadata.version,
    labels: metadata.labels,
    annotations: metadata.annotations,
    createTimeMs: metadata.createTimeMs,
    bodyTypeUrl,
    body,
  };
}

interface Metadata {
  name: string;
  version: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  createTimeMs?: number;
}

/** Reads name and version (fields 1 and 3); returns the name when the sink holds that version, leaving the reader where it was. */
function peekHeld(reader: Reader, end: number, heldVersion: (name: string) => string | undefined): string | undefined {
  const start = reader.pos;
  let name = '';
  let version = '';
  while (reader.pos < end && !(name && version)) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1) name = reader.string();
    else if (tag >>> 3 === 3) version = reader.string();
    else reader.skipType(tag & 7);
  }
  reader.pos = start;
  return name && version && heldVersion(name) === version ? name : undefined;
}

function decodeMetadata(reader: Reader, end: number): Metadata {
  const metadata: Metadata = {
    name: '',
    version: '',
    labels: {},
    annotations: {},
  };
  while (reader.pos < end) {
    const tag = reader.uint32();
    switch (tag >>> 3) {
      case 1:
        metadata.name = reader.string();
        break;
      case 2:
        metadata.createTimeMs = decodeTimestamp(reader, reader.uint32() + reader.pos);
        break;
      case 3:
        metadata.version = reader.string();
        break;
      case 4:
      case 5: {
        const [key, value] = decodeMapEntry(reader, reader.uint32() + reader.pos);
        (tag >>> 3 === 4 ? metadata.labels : metadata.annotations)[key] = value;
        break;
      }
      default:
        reader.skipType(tag & 7);
    }
  }
  return metadata;
}

function decodeTimestamp(reader: Reader, end: number): number {
  let seconds = 0;
  let nanos = 0;
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1) seconds = Number(reader.int64().toString());
    else if (tag >>> 3 === 2) nanos = reader.int32();
    else reader.skipType(tag & 7);
  }
  return seconds * 1000 + Math.floor(nanos / 1e6);
}

function decodeMapEntry(reader: Reader, end: number): [string, string] {
  let key = '';
  let value = '';
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1) key = reader.string();
    else if (tag >>> 3 === 2) value = reader.string();
    else reader.skipType(tag & 7);
  }
  return [key, value];
}

/** google.protobuf.Struct bytes → JSON object, directly (no intermediate message objects). */
export function decodeStruct(bytes: Uint8Array): JsonObject {
  const reader = Reader.create(bytes);
  return readStruct(reader, reader.len);
}

function readStruct(reader: Reader, end: number): JsonObject {
  const object: JsonObject = {};
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 !== 1) {
      reader.skipType(tag & 7);
      continue;
    }
    const entryEnd = reader.uint32() + reader.pos;
    let key = '';
    let value: JsonValue = null;
    while (reader.pos < entryEnd) {
      const entryTag = reader.uint32();
      if (entryTag >>> 3 === 1) key = reader.string();
      else if (entryTag >>> 3 === 2) value = readValue(reader, reader.uint32() + reader.pos);
      else reader.skipType(entryTag & 7);
    }
    object[key] = value;
  }
  return object;
}

function readValue(reader: Reader, end: number): JsonValue {
  let value: JsonValue = null;
  while (reader.pos < end) {
    const tag = reader.uint32();
    switch (tag >>> 3) {
      case 1:
        reader.int32();
        value = null;
        break;
      case 2:
        value = reader.double();
        break;
      case 3:
        value = reader.string();
        break;
      case 4:
        value = reader.bool();
        break;
      case 5:
        value = readStruct(reader, reader.uint32() + reader.pos);
        break;
      case 6: {
        const listEnd = reader.uint32() + reader.pos;
        const list: JsonValue[] = [];
        while (reader.pos < listEnd) {
          const listTag = reader.uint32();
          if (listTag >>> 3 === 1) list.push(readValue(reader, reader.uint32() + reader.pos));
          else reader.skipType(listTag & 7);
        }
        value = list;
        break;
      }
      default:
        reader.skipType(tag & 7);
    }
  }
  return value;
}

import { envoyCodec } from '@isthmus/protos';
import { RESPONSE_TYPE } from './ads-service';
import type { XdsResource } from './snapshot';

/**
 * A DiscoveryResponse whose resources are already encoded. Serialising it concatenates a small per-stream header
 * (version, type, nonce) with the resources' cached wire bytes, instead of re-encoding every resource for every
 * proxy: a full push to 1000 proxies then costs memory copies, not 1000 protobuf encodings.
 */
export interface OutgoingResponse {
  readonly version_info: string;
  readonly type_url: string;
  readonly nonce: string;
  readonly control_plane: { readonly identifier: string };
  readonly resources: readonly XdsResource[];
  /** Identity of the full resource set (a snapshot's map) when the response carries all of it: its body is cached. */
  readonly bodyKey?: object;
}

/** Field 2 (`resources`), wire type 2 (length-delimited). */
const RESOURCES_TAG = 0x12;

const framed = new WeakMap<XdsResource, Buffer>();
const bodies = new WeakMap<object, Buffer>();

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

/** `resources` entry of one resource as it appears inside a DiscoveryResponse (tag + length + Any). */
function frame(resource: XdsResource): Buffer {
  let bytes = framed.get(resource);
  if (!bytes) {
    const any = envoyCodec().encode('google.protobuf.Any', resource.any);
    bytes = Buffer.concat([Buffer.from([RESOURCES_TAG]), varint(any.length), any]);
    framed.set(resource, bytes);
  }
  return bytes;
}

function body(response: OutgoingResponse): Buffer {
  if (response.bodyKey) {
    const cached = bodies.get(response.bodyKey);
    if (cached) return cached;
  }
  const bytes = Buffer.concat(response.resources.map(frame));
  if (response.bodyKey) bodies.set(response.bodyKey, bytes);
  return bytes;
}

export function serializeResponse(response: OutgoingResponse): Buffer {
  const header = envoyCodec().encode(RESPONSE_TYPE, {
    version_info: response.version_info,
    type_url: response.type_url,
    nonce: response.nonce,
    control_plane: response.control_plane,
  });
  return Buffer.concat([header, body(response)]);
}

import { IConversionOptions, Root, Type } from 'protobufjs';
import { ENVOY_DESCRIPTOR, ISTIO_DESCRIPTOR } from './loader';
import { checkShape } from './shape-check';

const TYPE_URL_PREFIX = 'type.googleapis.com/';

/** google.protobuf.Any as the generated types and grpc-js carry it. */
export interface AnyMessage {
  type_url: string;
  value: Buffer;
}

const TO_OBJECT: IConversionOptions = { longs: String, enums: String, defaults: true, oneofs: true, bytes: Buffer };

export type DecodeResult<T> = { ok: true; typeName: string; value: T } | { ok: false; error: string };

/**
 * Encodes and decodes messages by fully-qualified name with the same conventions as the generated types, and packs
 * nested resources into google.protobuf.Any (xDS resources, typed_config, MCP bodies).
 */
export class ProtoCodec {
  private readonly types = new Map<string, Type>();

  constructor(private readonly root: Root) {}

  type(typeName: string): Type {
    let type = this.types.get(typeName);
    if (!type) {
      type = this.root.lookupType(typeName);
      this.types.set(typeName, type);
    }
    return type;
  }

  has(typeName: string): boolean {
    try {
      this.type(typeName);
      return true;
    } catch {
      return false;
    }
  }

  /** Validates field names and types against the schema, then encodes. Throws with the offending field on error. */
  encode(typeName: string, value: object): Buffer {
    const type = this.type(typeName);
    const problem = checkShape(type, value);
    if (problem) throw new Error(`${typeName}: ${problem}`);
    return Buffer.from(type.encode(type.fromObject(value as Record<string, unknown>)).finish());
  }

  decode<T>(typeName: string, bytes: Uint8Array): T {
    const type = this.type(typeName);
    return type.toObject(type.decode(bytes), TO_OBJECT) as T;
  }

  pack(typeName: string, value: object): AnyMessage {
    return { type_url: typeUrl(typeName), value: this.encode(typeName, value) };
  }

  /** Decodes an Any whose type this codec knows; an unknown type or corrupt bytes yield an error naming the type. */
  unpack<T>(any: { type_url?: string; value?: Uint8Array | Buffer | null }): DecodeResult<T> {
    const typeName = typeNameOf(any.type_url ?? '');
    if (!this.has(typeName)) return { ok: false, error: `unknown type ${any.type_url ?? '(none)'}` };
    try {
      return { ok: true, typeName, value: this.decode<T>(typeName, any.value ?? Buffer.alloc(0)) };
    } catch (error: unknown) {
      return { ok: false, error: `cannot decode ${typeName}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}

export function typeUrl(typeName: string): string {
  return `${TYPE_URL_PREFIX}${typeName}`;
}

export function typeNameOf(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}

let envoy: ProtoCodec | undefined;
let istio: ProtoCodec | undefined;

/** Codec for every Envoy v3 type Isthmus generates or consumes (xDS resources and their extensions). */
export function envoyCodec(): ProtoCodec {
  envoy ??= new ProtoCodec(Root.fromJSON(ENVOY_DESCRIPTOR));
  return envoy;
}

/** Codec for our Istio protos (MCP, Mixer, CSR, health). */
export function istioCodec(): ProtoCodec {
  istio ??= new ProtoCodec(Root.fromJSON(ISTIO_DESCRIPTOR));
  return istio;
}

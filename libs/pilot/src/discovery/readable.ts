import { envoyCodec, typeNameOf } from '@isthmus/protos';
import type { AnyMessage } from '@isthmus/protos';

/**
 * Decodes an xDS resource for humans (config_dump, golden files): nested google.protobuf.Any values are expanded into
 * `{ "@type": ..., ...fields }`, fields left at their defaults are omitted.
 */
export function readableResource(any: AnyMessage): Record<string, unknown> {
  return expand(decodeWithoutDefaults(any)) as Record<string, unknown>;
}

function decodeWithoutDefaults(any: { type_url: string; value: Uint8Array }): Record<string, unknown> {
  const typeName = typeNameOf(any.type_url);
  const codec = envoyCodec();
  if (!codec.has(typeName)) return { '@type': any.type_url, '@bytes': Buffer.from(any.value).toString('base64') };
  const type = codec.type(typeName);
  const object = type.toObject(type.decode(any.value), { longs: String, enums: String, defaults: false, oneofs: false, bytes: String });
  return { '@type': typeName, ...object };
}

function expand(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expand);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record['type_url'] === 'string' && 'value' in record && Object.keys(record).length === 2) {
      const raw = record['value'];
      const bytes = typeof raw === 'string' ? Buffer.from(raw, 'base64') : (raw as Uint8Array);
      return expand(decodeWithoutDefaults({ type_url: record['type_url'], value: bytes }));
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) out[key] = expand(record[key]);
    return out;
  }
  return value;
}

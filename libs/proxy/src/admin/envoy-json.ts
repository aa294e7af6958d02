import { envoyCodec, typeUrl } from '@isthmus/protos';
import type { Field, Type } from 'protobufjs';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
const WRAPPERS = new Set(['DoubleValue', 'FloatValue', 'Int64Value', 'UInt64Value', 'Int32Value', 'UInt32Value', 'BoolValue', 'StringValue', 'BytesValue']);

/**
 * Renders a decoded Envoy message the way Envoy's admin API does (proto3 JSON): lowerCamelCase names, defaults
 * omitted, Any expanded with "@type", Duration as "1.5s", wrappers as plain values, Struct as JSON.
 */
export function toEnvoyJson(typeName: string, value: unknown): Json {
  return renderMessage(envoyCodec().type(typeName), value);
}

function renderMessage(type: Type, value: unknown): Json {
  if (value === null || value === undefined || typeof value !== 'object') return null;
  const record = value as Record<string, unknown>;
  switch (type.fullName) {
    case '.google.protobuf.Duration': {
      const seconds = Number(record['seconds'] ?? 0) + Number(record['nanos'] ?? 0) / 1e9;
      return `${Number(seconds.toFixed(9))}s`;
    }
    case '.google.protobuf.Any': {
      const url = String(record['type_url'] ?? '');
      const decoded = envoyCodec().unpack<unknown>({ type_url: url, value: record['value'] as Buffer });
      if (!decoded.ok) return { '@type': url };
      const inner = renderMessage(envoyCodec().type(decoded.typeName), decoded.value);
      return { '@type': typeUrl(decoded.typeName), ...(inner as Record<string, Json>) };
    }
    case '.google.protobuf.Struct':
      return renderStruct(record);
    default:
      if (WRAPPERS.has(type.name) && type.fullName.startsWith('.google.protobuf.')) return renderScalar(record['value']);
  }
  const out: Record<string, Json> = {};
  for (const field of type.fieldsArray) {
    const item = record[field.name];
    const rendered = renderField(field, item);
    if (rendered !== undefined) out[camel(field.name)] = rendered;
  }
  return out;
}

function renderField(field: Field, item: unknown): Json | undefined {
  if (item === undefined || item === null) return undefined;
  field.resolve();
  const one = (entry: unknown): Json => (field.resolvedType && 'fieldsArray' in field.resolvedType ? renderMessage(field.resolvedType as Type, entry) : renderScalar(entry));
  if (field.map) {
    const entries = Object.entries(item as Record<string, unknown>);
    if (entries.length === 0) return undefined;
    return Object.fromEntries(entries.map(([key, entry]) => [key, one(entry)]));
  }
  if (field.repeated) {
    const list = item as unknown[];
    return list.length === 0 ? undefined : list.map(one);
  }
  if (field.resolvedType && 'fieldsArray' in field.resolvedType) return one(item);
  // Scalars and enums at their default are omitted, as in proto3 JSON.
  if (item === '' || item === 0 || item === '0' || item === false) return undefined;
  if (field.resolvedType && 'values' in field.resolvedType) {
    const values = (field.resolvedType as unknown as { values: Record<string, number> }).values;
    if (values[String(item)] === 0) return undefined;
  }
  return renderScalar(item);
}

function renderScalar(item: unknown): Json {
  if (Buffer.isBuffer(item) || item instanceof Uint8Array) return Buffer.from(item).toString('base64');
  if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') return item;
  return null;
}

function renderStruct(record: Record<string, unknown>): Json {
  const fields = (record['fields'] ?? {}) as Record<string, Record<string, unknown>>;
  return Object.fromEntries(Object.entries(fields).map(([key, entry]) => [key, renderValue(entry)]));
}

function renderValue(entry: Record<string, unknown>): Json {
  if (entry['struct_value']) return renderStruct(entry['struct_value'] as Record<string, unknown>);
  if (entry['list_value']) return ((entry['list_value'] as { values?: Record<string, unknown>[] }).values ?? []).map(renderValue);
  if (entry['string_value'] !== undefined && entry['kind'] === 'string_value') return String(entry['string_value']);
  if (entry['kind'] === 'number_value') return Number(entry['number_value']);
  if (entry['kind'] === 'bool_value') return Boolean(entry['bool_value']);
  return null;
}

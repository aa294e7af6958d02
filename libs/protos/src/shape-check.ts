import { Enum, Field, MapField, Type } from 'protobufjs';

const NUMERIC = new Set(['double', 'float', 'int32', 'uint32', 'sint32', 'fixed32', 'sfixed32']);
const LONG = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);

/**
 * Checks a plain object against a message type before encoding: unknown fields and values of the wrong kind are
 * reported with their path (`filter_chains[0].filters[0].name`), which protobufjs' own conversion would coerce or drop.
 * Virtual oneof fields (set by the `oneofs` decoding option) are accepted.
 */
export function checkShape(type: Type, value: unknown, path = ''): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path || '(root)'}: object expected`;
  for (const [key, fieldValue] of Object.entries(value)) {
    const fieldPath = path ? `${path}.${key}` : key;
    const field = type.fields[key];
    if (!field) {
      if (type.oneofs?.[key] && typeof fieldValue === 'string') continue;
      return `${fieldPath}: unknown field of ${type.fullName.slice(1)}`;
    }
    if (fieldValue === null || fieldValue === undefined) continue;
    const problem = field instanceof MapField ? checkMap(field, fieldValue, fieldPath) : checkField(field, fieldValue, fieldPath);
    if (problem) return problem;
  }
  return undefined;
}

function checkField(field: Field, value: unknown, path: string): string | undefined {
  if (field.repeated) {
    if (!Array.isArray(value)) return `${path}: list expected`;
    for (let index = 0; index < value.length; index++) {
      const problem = checkSingle(field, value[index], `${path}[${index}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  return checkSingle(field, value, path);
}

function checkMap(field: MapField, value: unknown, path: string): string | undefined {
  if (typeof value !== 'object' || Array.isArray(value)) return `${path}: map expected`;
  for (const [key, entry] of Object.entries(value as object)) {
    const problem = checkSingle(field, entry, `${path}[${JSON.stringify(key)}]`);
    if (problem) return problem;
  }
  return undefined;
}

function checkSingle(field: Field | MapField, value: unknown, path: string): string | undefined {
  const resolved = field.resolve().resolvedType;
  if (resolved instanceof Type) {
    if (resolved.fullName === '.google.protobuf.Any') return checkAny(value, path);
    return checkShape(resolved, value, path);
  }
  if (resolved instanceof Enum) {
    if (typeof value === 'number' || (typeof value === 'string' && value in resolved.values)) return undefined;
    return `${path}: expected one of ${Object.keys(resolved.values).join(', ')}`;
  }
  return checkScalar(field.type, value, path);
}

function checkAny(value: unknown, path: string): string | undefined {
  if (typeof value !== 'object' || value === null) return `${path}: google.protobuf.Any expected`;
  const any = value as { type_url?: unknown; value?: unknown };
  if (typeof any.type_url !== 'string') return `${path}.type_url: string expected`;
  if (any.value !== undefined && !(any.value instanceof Uint8Array)) return `${path}.value: bytes expected`;
  return undefined;
}

function checkScalar(scalar: string, value: unknown, path: string): string | undefined {
  if (scalar === 'string') return typeof value === 'string' ? undefined : `${path}: string expected`;
  if (scalar === 'bool') return typeof value === 'boolean' ? undefined : `${path}: boolean expected`;
  if (scalar === 'bytes') return value instanceof Uint8Array || typeof value === 'string' ? undefined : `${path}: bytes expected`;
  if (NUMERIC.has(scalar)) return typeof value === 'number' ? undefined : `${path}: number expected`;
  if (LONG.has(scalar)) {
    return typeof value === 'number' || (typeof value === 'string' && /^-?\d+$/.test(value)) ? undefined : `${path}: integer expected`;
  }
  return undefined;
}

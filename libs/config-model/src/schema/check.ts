/**
 * Structural checks of a raw (YAML/JSON) value against a schema: unknown fields (with suggestions), JSON types, enums,
 * ranges, durations, oneof groups and deprecated fields. Returns a copy holding only well-typed values, with ports
 * written as strings turned into numbers and case-insensitive enums spelled canonically, so semantic validators can
 * trust the types.
 */
import { parseDuration } from '@isthmus/runtime';
import { child, item, key, Reporter } from '../validation/problems';
import { didYouMean, suggest } from '../validation/suggest';
import { Schema } from './dsl';

/** Marker for "value dropped": the caller omits the field. */
const DROP = Symbol('drop');
type Checked = unknown | typeof DROP;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  return `a ${typeof value} (${String(value)})`;
}

/** Checks `value` at `path`; the result is the normalised value, or undefined if it was dropped. */
export function checkValue<T>(schema: Schema<T>, value: unknown, path: string, reporter: Reporter): T | undefined {
  const result = check(schema, value, path, reporter);
  return result === DROP ? undefined : (result as T);
}

function check(schema: Schema, value: unknown, path: string, reporter: Reporter): Checked {
  if (value === null || value === undefined) return DROP; // proto3: null means unset
  switch (schema.type) {
    case 'string':
      return checkString(schema, value, path, reporter);
    case 'integer':
    case 'number':
      return checkNumber(schema, value, path, reporter);
    case 'intOrString':
      return checkIntOrString(schema, value, path, reporter);
    case 'boolean':
      if (typeof value === 'boolean') return value;
      reporter.error(path, `expected true or false, got ${describeType(value)}`);
      return DROP;
    case 'array':
      return checkArray(schema, value, path, reporter);
    case 'map':
      return checkMap(schema, value, path, reporter);
    case 'object':
      return checkObject(schema, value, path, reporter);
    case 'any':
      if (schema.freeForm === 'object' && !isPlainObject(value)) {
        reporter.error(path, `expected an object, got ${describeType(value)}`);
        return DROP;
      }
      return value;
  }
}

function checkString(schema: Schema, value: unknown, path: string, reporter: Reporter): Checked {
  if (typeof value !== 'string') {
    reporter.error(path, `expected a string, got ${describeType(value)}`);
    return DROP;
  }
  if (schema.enum) {
    const found = schema.caseInsensitive ? schema.enum.find((option) => option.toLowerCase() === value.toLowerCase()) : schema.enum.find((option) => option === value);
    if (found === undefined) {
      const close = suggest(value, schema.enum);
      reporter.error(path, `unsupported value ${JSON.stringify(value)}: must be one of ${schema.enum.join(', ')}${didYouMean(close)}`);
      return DROP;
    }
    return found;
  }
  if (schema.format === 'duration') return checkDuration(value, path, reporter);
  return value;
}

function checkDuration(value: string, path: string, reporter: Reporter): Checked {
  const parsed = parseDuration(value);
  if (!parsed.ok) {
    reporter.error(path, parsed.error);
    return DROP;
  }
  if (parsed.ms !== 0 && parsed.ms < 1) {
    reporter.error(path, `duration ${JSON.stringify(value)} is shorter than 1ms`);
    return DROP;
  }
  if (Math.abs(parsed.ms - Math.round(parsed.ms)) > 1e-6) {
    reporter.error(path, `duration ${JSON.stringify(value)} has sub-millisecond precision; only whole milliseconds are supported`);
    return DROP;
  }
  return value;
}

function checkNumber(schema: Schema, value: unknown, path: string, reporter: Reporter): Checked {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    reporter.error(path, `expected a number, got ${describeType(value)}`);
    return DROP;
  }
  if (schema.type === 'integer' && !Number.isInteger(value)) {
    reporter.error(path, `expected an integer, got ${value}`);
    return DROP;
  }
  return checkRange(schema, value, path, reporter);
}

function checkRange(schema: Schema, value: number, path: string, reporter: Reporter): Checked {
  if ((schema.minimum !== undefined && value < schema.minimum) || (schema.maximum !== undefined && value > schema.maximum)) {
    const range = schema.maximum === undefined ? `≥ ${schema.minimum}` : `between ${schema.minimum ?? 0} and ${schema.maximum}`;
    reporter.error(path, `value ${value} out of range: must be ${range}`);
    return DROP;
  }
  return value;
}

function checkIntOrString(schema: Schema, value: unknown, path: string, reporter: Reporter): Checked {
  let numeric: number | undefined;
  if (typeof value === 'number' && Number.isInteger(value)) numeric = value;
  else if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) numeric = Number(value.trim());
  if (numeric === undefined) {
    const what = schema.format === 'int64' ? 'an integer' : 'a port number';
    reporter.error(path, `expected ${what}, got ${describeType(value)}`);
    return DROP;
  }
  const ranged = checkRange(schema, numeric, path, reporter);
  if (ranged === DROP) return DROP;
  // int64 values keep their spelling (they may exceed 2^53); ports become numbers.
  return schema.format === 'int64' ? value : numeric;
}

function checkArray(schema: Schema, value: unknown, path: string, reporter: Reporter): Checked {
  if (!Array.isArray(value)) {
    reporter.error(path, `expected a list, got ${describeType(value)}`);
    return DROP;
  }
  const items = schema.items as Schema;
  const out: unknown[] = [];
  for (let index = 0; index < value.length; index++) {
    const checked = check(items, value[index], item(path, index), reporter);
    if (checked !== DROP) out.push(checked);
  }
  return out;
}

function checkMap(schema: Schema, value: unknown, path: string, reporter: Reporter): Checked {
  if (!isPlainObject(value)) {
    reporter.error(path, `expected a map, got ${describeType(value)}`);
    return DROP;
  }
  const values = schema.values as Schema;
  const out: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(value)) {
    const checked = check(values, entry, key(path, name), reporter);
    if (checked !== DROP) out[name] = checked;
  }
  return out;
}

function checkObject(schema: Schema, value: unknown, path: string, reporter: Reporter): Checked {
  if (!isPlainObject(value)) {
    reporter.error(path, `expected an object, got ${describeType(value)}`);
    return DROP;
  }
  const fields = schema.fields ?? {};
  const out: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(value)) {
    const fieldSchema = Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
    const fieldPath = key(path, name);
    if (!fieldSchema) {
      reporter.error(fieldPath, `unknown field ${JSON.stringify(name)}${didYouMean(suggest(name, Object.keys(fields), schema.hints))}`);
      continue;
    }
    const checked = check(fieldSchema, entry, fieldPath, reporter);
    if (checked === DROP) continue;
    if (fieldSchema.deprecated !== undefined) {
      reporter.warning(fieldPath, `field ${JSON.stringify(name)} is deprecated; use ${fieldSchema.deprecated}`);
    }
    out[name] = checked;
  }
  for (const group of schema.oneOf ?? []) {
    const set = group.filter((name) => out[name] !== undefined);
    if (set.length > 1) {
      reporter.error(child(path, set[1]), `only one of ${group.join(', ')} may be set (found ${set.join(' and ')})`);
      delete out[set[1]];
    }
  }
  return out;
}

/**
 * A small schema language: every Istio config message is described once with these builders, and that one
 * description drives the TypeScript types (`Infer`), the structural checks (unknown fields, types, enums, durations)
 * and the OpenAPI v3 schemas of the generated CRDs.
 *
 * Proto3 semantics: every field is optional in the types; required-ness is a validation rule.
 */
export type SchemaType = 'string' | 'integer' | 'number' | 'boolean' | 'intOrString' | 'array' | 'map' | 'object' | 'any';

export interface Schema<T = unknown> {
  readonly type: SchemaType;
  readonly description?: string;
  /** Set on deprecated fields: the replacement to mention in the warning. */
  readonly deprecated?: string;
  /** Allowed values (strings). */
  readonly enum?: readonly string[];
  /** Enum compared case-insensitively (ServiceEntry/Gateway protocols). */
  readonly caseInsensitive?: boolean;
  /** `duration`: a Go duration string (`10s`, `1m0s`); `int64`: a number or a decimal string. */
  readonly format?: 'duration' | 'int64';
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: Schema;
  /** Value schema of a map (string keys). */
  readonly values?: Schema;
  /** Fields of an object. */
  readonly fields?: Readonly<Record<string, Schema>>;
  /** Extra "did you mean" hints for common mistakes: unknown key → suggested field. */
  readonly hints?: Readonly<Record<string, string>>;
  /** Groups of fields of which at most one may be set (proto `oneof`). */
  readonly oneOf?: readonly (readonly string[])[];
  /** `any` nodes: free-form JSON value or object (x-kubernetes-preserve-unknown-fields). */
  readonly freeForm?: 'object' | 'value';
  /** Phantom: the TypeScript type this schema describes. Never set. */
  readonly _type?: T;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

type Options = Pick<Schema, 'description' | 'deprecated'>;

export function str(options: Options = {}): Schema<string> {
  return { type: 'string', ...options };
}

export function enm<const V extends string>(values: readonly V[], options: Options & { caseInsensitive?: boolean } = {}): Schema<V> {
  return { type: 'string', enum: values, ...options };
}

/** A Go duration written as a string: `500ms`, `10s`, `1m0s`. */
export function duration(options: Options = {}): Schema<string> {
  return { type: 'string', format: 'duration', ...options };
}

export function int(options: Options & { minimum?: number; maximum?: number } = {}): Schema<number> {
  return { type: 'integer', ...options };
}

/** A proto int64/uint64: JSON number or decimal string. */
export function int64(options: Options & { minimum?: number } = {}): Schema<number | string> {
  return { type: 'intOrString', format: 'int64', ...options };
}

export function num(options: Options & { minimum?: number; maximum?: number } = {}): Schema<number> {
  return { type: 'number', ...options };
}

export function bool(options: Options = {}): Schema<boolean> {
  return { type: 'boolean', ...options };
}

/** A port number that may be written as a string (`"9080"`); normalised to a number. */
export function port(options: Options = {}): Schema<number> {
  return { type: 'intOrString', minimum: 1, maximum: 65535, ...options };
}

export function arr<T>(items: Schema<T>, options: Options = {}): Schema<readonly T[]> {
  return { type: 'array', items, ...options };
}

export function map<T>(values: Schema<T>, options: Options = {}): Schema<Readonly<Record<string, T>>> {
  return { type: 'map', values, ...options };
}

/** A free-form object (protobuf Struct): kept as is, not pruned by the API server. */
export function anyObject(options: Options = {}): Schema<Readonly<Record<string, unknown>>> {
  return { type: 'any', freeForm: 'object', ...options };
}

/** A free-form value of any JSON type (protobuf Value). */
export function anyValue(options: Options = {}): Schema<unknown> {
  return { type: 'any', freeForm: 'value', ...options };
}

type Fields = Readonly<Record<string, Schema<unknown>>>;
export type ObjectOf<F extends Fields> = { readonly [K in keyof F]?: Infer<F[K]> };

export interface ObjectOptions extends Options {
  readonly oneOf?: readonly (readonly string[])[];
  readonly hints?: Readonly<Record<string, string>>;
}

export function obj<const F extends Fields>(fields: F, options: ObjectOptions = {}): Schema<ObjectOf<F>> {
  return { type: 'object', fields, ...options };
}

export function describe<T>(schema: Schema<T>, description: string): Schema<T> {
  return { ...schema, description };
}

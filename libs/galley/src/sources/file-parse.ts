import type { JsonObject } from '@isthmus/protos';
import { parseAllDocuments } from 'yaml';
import type { ConfigSchemaPort, RawResource } from '../model';

export interface FileProblem {
  readonly file: string;
  /** 0-based document index, absent when the whole file failed. */
  readonly document?: number;
  readonly message: string;
}

export type ParsedFile =
  { ok: true; resources: RawResource[]; problems: FileProblem[] } | { ok: false; problem: FileProblem };

/**
 * One YAML/JSON file → resources (pure). A syntax error fails the whole file (the caller keeps its previous
 * resources); a bad or unknown document is skipped and reported, the others still count.
 */
export function parseConfigFile(file: string, text: string, schema: ConfigSchemaPort): ParsedFile {
  const documents = parseAllDocuments(text, { prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [documents];
  const syntax = list.flatMap((document, index) => document.errors.map((error) => ({ index, error })));
  if (syntax.length > 0) {
    const { index, error } = syntax[0];
    return {
      ok: false,
      problem: { file, document: index, message: `YAML syntax error: ${error.message.split('\n')[0]}` },
    };
  }
  const resources: RawResource[] = [];
  const problems: FileProblem[] = [];
  list.forEach((document, index) => {
    const value: unknown = document.toJS();
    if (value === null || value === undefined) return; // empty document (e.g. a trailing ---)
    const result = toRawResource(value, schema, `${file}#${index}`);
    if (typeof result === 'string') problems.push({ file, document: index, message: result });
    else resources.push(result);
  });
  return { ok: true, resources, problems };
}

function toRawResource(value: unknown, schema: ConfigSchemaPort, origin: string): RawResource | string {
  if (!isObject(value)) return 'document is not an object';
  const { apiVersion, kind, metadata } = value;
  if (typeof apiVersion !== 'string' || !apiVersion) return 'apiVersion is missing';
  if (typeof kind !== 'string' || !kind) return 'kind is missing';
  const info = schema.lookup(apiVersion, kind);
  if (!info) return `unknown kind ${kind} (${apiVersion})`;
  if (!isObject(metadata) || typeof metadata.name !== 'string' || !metadata.name)
    return `${kind}: metadata.name is missing`;
  const namespace = info.clusterScoped
    ? ''
    : typeof metadata.namespace === 'string' && metadata.namespace
      ? metadata.namespace
      : 'default';
  const body =
    info.webhook === 'none' ? withoutMetadata(value) : isObject(value.spec) ? (value.spec as JsonObject) : {};
  return {
    apiVersion,
    kind,
    namespace,
    name: metadata.name,
    labels: stringMap(metadata.labels),
    annotations: stringMap(metadata.annotations),
    body,
    origin,
  };
}

function withoutMetadata(value: Record<string, unknown>): JsonObject {
  const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = value;
  return rest as JsonObject;
}

function stringMap(value: unknown): Record<string, string> {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

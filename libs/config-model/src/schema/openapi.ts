/**
 * DSL → structural OpenAPI v3 schema for apiextensions.k8s.io/v1 CRDs: every node typed, maps as
 * additionalProperties, free-form values marked x-kubernetes-preserve-unknown-fields, ports written either way as
 * x-kubernetes-int-or-string. Enums are emitted only when case-sensitive (protocols accept any case).
 *
 * Declared objects also keep unknown fields (`preserveUnknownObjects`, the default for CRDs): the API server then
 * type-checks known fields itself, but neither prunes nor (under kubectl's strict field validation) rejects a typo such
 * as `spec.https`, which reaches Galley's webhook and is denied there with a "did you mean" message.
 */
import { Schema } from './dsl';

export type OpenApiSchema = { [key: string]: unknown };

export function toOpenApi(schema: Schema, options: { preserveUnknownObjects?: boolean } = { preserveUnknownObjects: true }): OpenApiSchema {
  const out: OpenApiSchema = {};
  if (schema.description) out['description'] = schema.deprecated ? `${schema.description} Deprecated: use ${schema.deprecated}.` : schema.description;
  else if (schema.deprecated) out['description'] = `Deprecated: use ${schema.deprecated}.`;
  switch (schema.type) {
    case 'string':
      out['type'] = 'string';
      if (schema.enum && !schema.caseInsensitive) out['enum'] = [...schema.enum];
      if (schema.format === 'duration') out['pattern'] = '^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$|^0$';
      break;
    case 'integer':
      out['type'] = 'integer';
      addRange(schema, out);
      break;
    case 'number':
      out['type'] = 'number';
      addRange(schema, out);
      break;
    case 'boolean':
      out['type'] = 'boolean';
      break;
    case 'intOrString':
      out['x-kubernetes-int-or-string'] = true;
      break;
    case 'array':
      out['type'] = 'array';
      out['items'] = toOpenApi(schema.items as Schema, options);
      break;
    case 'map':
      out['type'] = 'object';
      out['additionalProperties'] = toOpenApi(schema.values as Schema, options);
      break;
    case 'object': {
      out['type'] = 'object';
      const properties: Record<string, OpenApiSchema> = {};
      for (const [name, field] of Object.entries(schema.fields ?? {})) properties[name] = toOpenApi(field, options);
      out['properties'] = properties;
      if (options.preserveUnknownObjects) out['x-kubernetes-preserve-unknown-fields'] = true;
      break;
    }
    case 'any':
      if (schema.freeForm === 'object') out['type'] = 'object';
      out['x-kubernetes-preserve-unknown-fields'] = true;
      break;
  }
  return out;
}

function addRange(schema: Schema, out: OpenApiSchema): void {
  if (schema.minimum !== undefined) out['minimum'] = schema.minimum;
  if (schema.maximum !== undefined) out['maximum'] = schema.maximum;
}

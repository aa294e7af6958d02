/**
 * The validation pipeline for one object: envelope → kind lookup → structural check (unknown fields, types) →
 * deprecated-field normalisation → semantic rules. Non-Istio objects pass through untouched (kept for the analyzer),
 * except the mesh ConfigMap `istio` and the injector ConfigMap, whose embedded YAML is checked too.
 */
import { parse as parseYaml } from 'yaml';
import { parseDocuments } from '../parse/documents';
import { KindDescriptor } from '../registry/descriptor';
import { istioSchemas, SchemaRegistry } from '../registry/registry';
import { checkValue, isPlainObject } from '../schema/check';
import { SidecarInjectorConfigSchema } from '../types/injector';
import { MeshConfigSchema } from '../types/mesh';
import { IstioResource, ObjectMetaSchema, splitApiVersion } from '../types/resource';
import { checkLabels, isDns1123Label, isDns1123Subdomain } from './common';
import { validateMeshConfig, validateSidecarInjectorConfig } from './mesh';
import { child, ConfigProblem, key, ProblemCollector } from './problems';
import { didYouMean, suggest } from './suggest';

export interface ValidateOptions {
  readonly registry?: SchemaRegistry;
  /** Namespace given to namespaced objects without one (kubectl's current namespace); default `default`. */
  readonly defaultNamespace?: string;
  readonly file?: string;
  readonly document?: number;
}

/** An object read from config, Istio or not. */
export interface ConfigObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  /** The object as written. */
  readonly raw: Readonly<Record<string, unknown>>;
  /** For Istio kinds: the descriptor and the checked, normalised resource. */
  readonly descriptor?: KindDescriptor;
  readonly resource?: IstioResource;
  readonly file?: string;
  readonly document?: number;
}

export interface ObjectResult {
  readonly object?: ConfigObject;
  readonly problems: ConfigProblem[];
}

const ENVELOPE_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function validateObject(raw: unknown, options: ValidateOptions = {}): ObjectResult {
  const registry = options.registry ?? istioSchemas;
  const location = { file: options.file, document: options.document };
  const collector = new ProblemCollector({ kind: '', namespace: '', name: '', ...location });
  if (!isPlainObject(raw)) {
    collector.error('', `expected a Kubernetes object, got ${Array.isArray(raw) ? 'a list' : typeof raw}`);
    return { problems: collector.problems };
  }
  const apiVersion = text(raw['apiVersion']);
  const kind = text(raw['kind']);
  const metadata = isPlainObject(raw['metadata']) ? raw['metadata'] : {};
  const name = text(metadata['name']);
  const descriptor = registry.lookup(apiVersion, kind);
  const namespaced = descriptor ? descriptor.scope === 'Namespaced' : true;
  const namespace = text(metadata['namespace']) || (namespaced ? (options.defaultNamespace ?? 'default') : '');
  collector.setRef({ kind, namespace, name, ...location });

  if (!apiVersion) collector.error('apiVersion', 'apiVersion is required');
  if (!kind) collector.error('kind', 'kind is required');
  checkMetadata(raw['metadata'], collector);
  const object: ConfigObject = { apiVersion, kind, name, namespace, raw, ...stripUndefined(location) };
  if (!descriptor) {
    checkUnknownIstioKind(apiVersion, kind, registry, collector);
    checkEmbeddedConfig(raw, name, collector);
    return { object, problems: collector.problems };
  }

  for (const field of Object.keys(raw)) {
    if (!ENVELOPE_FIELDS.includes(field)) collector.error(field, `unknown field ${JSON.stringify(field)}${didYouMean(suggest(field, ENVELOPE_FIELDS))}`);
  }
  if (descriptor.scope === 'Cluster' && text(metadata['namespace'])) {
    collector.warning('metadata.namespace', `${kind} is cluster-scoped; the namespace is ignored`);
  }
  const checkedSpec = checkValue(descriptor.schema, raw['spec'] ?? {}, 'spec', collector) ?? {};
  collector.seal();
  const spec = descriptor.normalize ? descriptor.normalize(checkedSpec) : checkedSpec;
  try {
    descriptor.validate(spec, collector, { kind, name, namespace });
  } catch (error) {
    // A validator bug must not take the caller down: report it against the resource.
    collector.error('spec', `internal validation error: ${error instanceof Error ? error.message : String(error)}`);
  }
  const resource: IstioResource = {
    apiVersion,
    kind,
    metadata: { ...(metadata as IstioResource['metadata']), name, ...(namespaced ? { namespace } : {}) },
    spec,
    ...(isPlainObject(raw['status']) ? { status: raw['status'] } : {}),
  };
  return { object: { ...object, descriptor, resource }, problems: collector.problems };
}

function stripUndefined(location: { file?: string; document?: number }): { file?: string; document?: number } {
  return {
    ...(location.file !== undefined ? { file: location.file } : {}),
    ...(location.document !== undefined ? { document: location.document } : {}),
  };
}

function checkMetadata(metadata: unknown, collector: ProblemCollector): void {
  if (metadata === undefined) {
    collector.error('metadata', 'metadata with a name is required');
    return;
  }
  const checked = checkValue(ObjectMetaSchema, metadata, 'metadata', collector);
  if (!checked) return;
  if (checked.name === undefined && checked.generateName === undefined) collector.error('metadata.name', 'name is required');
  if (checked.name !== undefined && !isDns1123Subdomain(checked.name)) {
    collector.error('metadata.name', `invalid name ${JSON.stringify(checked.name)}: lower-case alphanumerics, '-' and '.', starting and ending with an alphanumeric`);
  }
  if (checked.namespace !== undefined && !isDns1123Label(checked.namespace)) collector.error('metadata.namespace', `invalid namespace ${JSON.stringify(checked.namespace)}`);
  checkLabels(checked.labels, 'metadata.labels', collector);
}

function checkUnknownIstioKind(apiVersion: string, kind: string, registry: SchemaRegistry, collector: ProblemCollector): void {
  const { group, version } = splitApiVersion(apiVersion);
  const closeGroups = suggest(group, registry.groups());
  if (!group.endsWith('istio.io') && closeGroups.length === 0) return;
  const inGroup = registry.inGroup(group);
  if (inGroup.length === 0) {
    collector.error('apiVersion', `unknown API group ${JSON.stringify(group)}${didYouMean(closeGroups)}`);
    return;
  }
  const sameKind = inGroup.find((descriptor) => descriptor.kind === kind);
  if (sameKind) {
    collector.error('apiVersion', `${kind} is served as ${group}/${sameKind.version} in Istio 1.3, not ${version}`);
    return;
  }
  const kinds = inGroup.map((descriptor) => descriptor.kind);
  collector.error('kind', `unknown kind ${JSON.stringify(kind)} in ${group}${didYouMean(suggest(kind, kinds))}`);
}

/** ConfigMap `istio` (key `mesh`) and `istio-sidecar-injector` (key `config`) carry YAML checked against their schemas. */
function checkEmbeddedConfig(raw: Record<string, unknown>, name: string, collector: ProblemCollector): void {
  if (raw['apiVersion'] !== 'v1' || raw['kind'] !== 'ConfigMap' || !isPlainObject(raw['data'])) return;
  const data = raw['data'];
  const embedded = name === 'istio' ? 'mesh' : name === 'istio-sidecar-injector' ? 'config' : undefined;
  if (!embedded || typeof data[embedded] !== 'string') return;
  const path = key(child('', 'data'), embedded);
  let parsed: unknown;
  try {
    parsed = parseYaml(data[embedded] as string) ?? {};
  } catch (error) {
    collector.error(path, `invalid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return;
  }
  if (embedded === 'mesh') {
    const mesh = checkValue(MeshConfigSchema, parsed, path, collector);
    collector.seal();
    if (mesh) validateMeshConfig(mesh, path, collector);
  } else {
    const config = checkValue(SidecarInjectorConfigSchema, parsed, path, collector);
    collector.seal();
    if (config) validateSidecarInjectorConfig(config, path, collector);
  }
}

export interface TextResult {
  readonly objects: ConfigObject[];
  readonly problems: ConfigProblem[];
}

/** Parses and validates every document of a file's text. */
export function validateText(source: string, file: string, options: Omit<ValidateOptions, 'file' | 'document'> = {}): TextResult {
  const parsed = parseDocuments(source, file);
  const objects: ConfigObject[] = [];
  const problems: ConfigProblem[] = [...parsed.problems];
  for (const document of parsed.documents) {
    const result = validateObject(document.value, { ...options, file: document.file, document: document.document });
    if (result.object) objects.push(result.object);
    problems.push(...result.problems);
  }
  return { objects, problems };
}

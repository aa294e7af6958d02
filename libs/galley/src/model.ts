import type { JsonObject } from '@isthmus/protos';

/** A config object as a source saw it, before validation. */
export interface RawResource {
  readonly apiVersion: string;
  readonly kind: string;
  /** Empty for cluster-scoped kinds. */
  readonly namespace: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /** What MCP sends as the body: `spec` for Istio kinds; the object without metadata for k8s/core kinds. */
  readonly body: JsonObject;
  readonly createTimeMs?: number;
  /** Kubernetes resourceVersion, when the source is the API server. */
  readonly resourceVersion?: string;
  /** Where it came from: a file path (with document index) or `kubernetes`. */
  readonly origin: string;
}

/** How Galley treats one kind: where it is served on MCP and which webhook validates it. */
export interface KindInfo {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  /** MCP collection, e.g. `istio/networking/v1alpha3/virtualservices` or `k8s/core/v1/services`. */
  readonly collection: string;
  readonly clusterScoped: boolean;
  /** Which webhook path admits it (`/admitpilot`, `/admitmixer`), or none (k8s/core kinds). */
  readonly webhook: 'pilot' | 'mixer' | 'none';
}

/** A validation finding, shaped like @isthmus/config-model's ConfigProblem. */
export interface ValidationProblem {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly path: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** The schema knowledge Galley needs, behind one small interface (implemented from @isthmus/config-model). */
export interface ConfigSchemaPort {
  kinds(): readonly KindInfo[];
  lookup(apiVersion: string, kind: string): KindInfo | undefined;
  validate(resource: RawResource, kind: KindInfo): readonly ValidationProblem[];
}

export function apiVersionOf(kind: Pick<KindInfo, 'group' | 'version'>): string {
  return kind.group ? `${kind.group}/${kind.version}` : kind.version;
}

/** `namespace/name`, or `name` for cluster-scoped resources: the MCP resource name. */
export function mcpName(resource: Pick<RawResource, 'namespace' | 'name'>): string {
  return resource.namespace ? `${resource.namespace}/${resource.name}` : resource.name;
}

/** Identity of a resource across sources and versions. */
export function resourceKey(collection: string, resource: Pick<RawResource, 'namespace' | 'name'>): string {
  return `${collection}|${mcpName(resource)}`;
}

/** A config source (Kubernetes, files): the resources it currently sees, change notifications, initial sync. */
export interface ConfigSource {
  readonly name: string;
  /** Resolves after the initial sync (every resource present at start has been read). */
  start(): Promise<void>;
  stop(): Promise<void>;
  resources(): Iterable<RawResource>;
  onChange(listener: () => void): void;
  hasSynced(): boolean;
  /** Source-specific fields for `/debug/mcp` (a file source's parse problems, a Kubernetes source's watches). */
  details?(): Record<string, unknown>;
}

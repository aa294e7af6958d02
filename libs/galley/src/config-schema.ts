import { istioSchemas, validateObject, type KindDescriptor, type SchemaRegistry } from '@isthmus/config-model';
import { apiVersionOf, type ConfigSchemaPort, type KindInfo, type RawResource, type ValidationProblem } from './model';

/** The Kubernetes core kinds Galley also serves (Istio 1.3's `k8s/core/v1/*` collections), not validated. */
export const CORE_KINDS: readonly KindInfo[] = [
  core('Service', 'services', false),
  core('Endpoints', 'endpoints', false),
  core('Pod', 'pods', false),
  core('Node', 'nodes', true),
  core('Namespace', 'namespaces', true),
];

function core(kind: string, plural: string, clusterScoped: boolean): KindInfo {
  return {
    group: '',
    version: 'v1',
    kind,
    plural,
    collection: `k8s/core/v1/${plural}`,
    clusterScoped,
    webhook: 'none',
  };
}

export function kindInfoOf(descriptor: KindDescriptor): KindInfo {
  return {
    group: descriptor.group,
    version: descriptor.version,
    kind: descriptor.kind,
    plural: descriptor.plural,
    collection: descriptor.collection,
    clusterScoped: descriptor.scope === 'Cluster',
    webhook: descriptor.webhook,
  };
}

/** Galley's view of @isthmus/config-model: every Istio kind plus the k8s/core kinds; validation by config-model. */
export class IstioConfigSchema implements ConfigSchemaPort {
  private readonly all: readonly KindInfo[];
  private readonly byGvk: ReadonlyMap<string, KindInfo>;

  constructor(
    private readonly registry: SchemaRegistry = istioSchemas,
    options: { includeCore?: boolean } = {},
  ) {
    this.all = [...registry.kinds.map(kindInfoOf), ...(options.includeCore === false ? [] : CORE_KINDS)];
    this.byGvk = new Map(this.all.map((kind) => [`${apiVersionOf(kind)}/${kind.kind}`, kind]));
  }

  kinds(): readonly KindInfo[] {
    return this.all;
  }

  lookup(apiVersion: string, kind: string): KindInfo | undefined {
    return this.byGvk.get(`${apiVersion}/${kind}`);
  }

  validate(resource: RawResource, kind: KindInfo): readonly ValidationProblem[] {
    if (kind.webhook === 'none') return [];
    const object = {
      apiVersion: resource.apiVersion,
      kind: resource.kind,
      metadata: {
        name: resource.name,
        ...(resource.namespace ? { namespace: resource.namespace } : {}),
        ...(Object.keys(resource.labels).length ? { labels: resource.labels } : {}),
        ...(Object.keys(resource.annotations).length ? { annotations: resource.annotations } : {}),
      },
      spec: resource.body,
    };
    return validateObject(object, { registry: this.registry }).problems;
  }
}

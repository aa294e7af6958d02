/** Lookups over the kind descriptors: by kind, by apiVersion+kind, by plural/short name, by MCP collection. */
import { apiVersionOf, KindDescriptor } from './descriptor';
import { ISTIO_KINDS } from './kinds';

export class SchemaRegistry {
  private readonly byGvk = new Map<string, KindDescriptor>();
  private readonly byKindName = new Map<string, KindDescriptor>();
  private readonly byCollection = new Map<string, KindDescriptor>();
  private readonly byResourceName = new Map<string, KindDescriptor>();

  constructor(readonly kinds: readonly KindDescriptor[]) {
    for (const descriptor of kinds) {
      this.byGvk.set(`${apiVersionOf(descriptor)}/${descriptor.kind}`, descriptor);
      this.byKindName.set(descriptor.kind, descriptor);
      this.byCollection.set(descriptor.collection, descriptor);
      for (const name of [descriptor.plural, descriptor.singular, ...descriptor.shortNames]) this.byResourceName.set(name.toLowerCase(), descriptor);
    }
  }

  /** By `apiVersion` and `kind` as written in a manifest. */
  lookup(apiVersion: string, kind: string): KindDescriptor | undefined {
    return this.byGvk.get(`${apiVersion}/${kind}`);
  }

  /** By kind alone (`VirtualService`, `rule`); kinds are unique across Istio's groups. */
  byKind(kind: string): KindDescriptor | undefined {
    return this.byKindName.get(kind);
  }

  /** By plural, singular or short name, as kubectl accepts (`vs`, `virtualservices`). */
  byName(name: string): KindDescriptor | undefined {
    return this.byResourceName.get(name.toLowerCase());
  }

  byMcpCollection(collection: string): KindDescriptor | undefined {
    return this.byCollection.get(collection);
  }

  /** Every API group of the registered kinds. */
  groups(): string[] {
    return [...new Set(this.kinds.map((descriptor) => descriptor.group))];
  }

  inGroup(group: string): KindDescriptor[] {
    return this.kinds.filter((descriptor) => descriptor.group === group);
  }

  forWebhook(webhook: 'pilot' | 'mixer'): KindDescriptor[] {
    return this.kinds.filter((descriptor) => descriptor.webhook === webhook);
  }
}

/** The registry of Istio 1.3's 23 config kinds. */
export const istioSchemas = new SchemaRegistry(ISTIO_KINDS);

/** What the whole system knows about one config kind: API identity, CRD names, MCP collection, schema, validator. */
import { Schema } from '../schema/dsl';
import { ValidationContext } from '../validation/context';
import { Reporter } from '../validation/problems';

export interface PrinterColumn {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'date';
  readonly jsonPath: string;
  readonly description: string;
}

export interface KindDescriptor<S = unknown> {
  readonly group: string;
  readonly version: string;
  /** `VirtualService`; Mixer kinds are lower case (`rule`, `handler`), as in Istio. */
  readonly kind: string;
  readonly plural: string;
  readonly singular: string;
  readonly listKind: string;
  readonly scope: 'Namespaced' | 'Cluster';
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  /** Galley MCP collection, e.g. `istio/networking/v1alpha3/virtualservices`. */
  readonly collection: string;
  /** Which Galley admission endpoint validates it: /admitpilot or /admitmixer. */
  readonly webhook: 'pilot' | 'mixer';
  /** File of charts/istio-init/files the CRD is written to. */
  readonly crdFile: 'crd-10.yaml' | 'crd-11.yaml' | 'crd-12.yaml';
  readonly description: string;
  readonly schema: Schema<S>;
  readonly printerColumns?: readonly PrinterColumn[];
  /** Semantic validation of a structurally valid, normalised spec. Method syntax keeps descriptors assignable. */
  validate(spec: S, reporter: Reporter, context: ValidationContext): void;
  /** Rewrites deprecated fields into current ones (after the structural check warned about them). */
  normalize?(spec: S): S;
}

export function apiVersionOf(descriptor: Pick<KindDescriptor, 'group' | 'version'>): string {
  return `${descriptor.group}/${descriptor.version}`;
}

export function crdName(descriptor: Pick<KindDescriptor, 'group' | 'plural'>): string {
  return `${descriptor.plural}.${descriptor.group}`;
}

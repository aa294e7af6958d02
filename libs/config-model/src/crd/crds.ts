/**
 * CustomResourceDefinitions generated from the registry: apiextensions.k8s.io/v1 with structural schemas, names,
 * scopes and categories as Istio 1.3's istio-init chart, plus cert-manager's five CRDs (certmanager.k8s.io/v1alpha1)
 * for the optional files. `renderCrdFiles` is what scripts/generate-crds.ts writes.
 */
import { stringify } from 'yaml';
import { crdName, KindDescriptor } from '../registry/descriptor';
import { ISTIO_KINDS } from '../registry/kinds';
import { toOpenApi } from '../schema/openapi';

export type Crd = Record<string, unknown>;

export interface CrdFile {
  readonly name: string;
  readonly crds: readonly Crd[];
}

/** The API identity and CRD names of a descriptor, plus the chart's labels (cert-manager kinds have no descriptor). */
interface CrdNames
  extends Pick<
    KindDescriptor,
    'group' | 'version' | 'kind' | 'plural' | 'singular' | 'listKind' | 'scope' | 'shortNames' | 'categories' | 'printerColumns'
  > {
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

function crd(names: CrdNames, specSchema: Record<string, unknown>, description: string): Crd {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: crdName(names), labels: { ...names.labels }, ...(names.annotations ? { annotations: { ...names.annotations } } : {}) },
    spec: {
      group: names.group,
      names: {
        kind: names.kind,
        listKind: names.listKind,
        plural: names.plural,
        singular: names.singular,
        ...(names.shortNames.length > 0 ? { shortNames: [...names.shortNames] } : {}),
        ...(names.categories.length > 0 ? { categories: [...names.categories] } : {}),
      },
      scope: names.scope,
      versions: [
        {
          name: names.version,
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              description,
              properties: {
                spec: specSchema,
                status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
              },
            },
          },
          subresources: { status: {} },
          ...(names.printerColumns && names.printerColumns.length > 0
            ? { additionalPrinterColumns: names.printerColumns.map((column) => ({ ...column })) }
            : {}),
        },
      ],
    },
  };
}

const APP_LABEL: Readonly<Record<string, string>> = {
  'networking.istio.io': 'istio-pilot',
  'rbac.istio.io': 'istio-pilot',
  'authentication.istio.io': 'istio-citadel',
  'config.istio.io': 'mixer',
};

export function istioCrd(descriptor: KindDescriptor): Crd {
  const labels = { app: APP_LABEL[descriptor.group] ?? 'istio', chart: 'istio', heritage: 'Tiller', release: 'istio' };
  return crd({ ...descriptor, labels }, { ...toOpenApi(descriptor.schema), description: descriptor.description }, `${descriptor.kind}: ${descriptor.description}`);
}

const CERT_MANAGER_LABELS = { app: 'certmanager', chart: 'certmanager', heritage: 'Tiller', release: 'istio' };
const freeForm = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };

function certManager(kind: string, plural: string, scope: 'Namespaced' | 'Cluster', shortNames: readonly string[] = []): Crd {
  return crd(
    {
      group: 'certmanager.k8s.io',
      version: 'v1alpha1',
      kind,
      plural,
      singular: kind.toLowerCase(),
      listKind: `${kind}List`,
      scope,
      shortNames,
      categories: [],
      labels: CERT_MANAGER_LABELS,
      // *.k8s.io is a protected group: the API server requires this annotation; "unapproved, ..." is accepted.
      annotations: { 'api-approved.kubernetes.io': 'unapproved, legacy cert-manager v0.x group shipped with Istio 1.3' },
    },
    freeForm,
    `cert-manager ${kind} (not modelled by Isthmus; kept as written)`,
  );
}

/** cert-manager v0.6 CRDs shipped (optionally) with Istio 1.3. */
export const CERT_MANAGER_CRDS: readonly Crd[] = [
  certManager('ClusterIssuer', 'clusterissuers', 'Cluster'),
  certManager('Issuer', 'issuers', 'Namespaced'),
  certManager('Certificate', 'certificates', 'Namespaced', ['cert', 'certs']),
  certManager('Order', 'orders', 'Namespaced'),
  certManager('Challenge', 'challenges', 'Namespaced'),
];

/** Every CRD, grouped by the chart file it belongs to. */
export function buildCrds(kinds: readonly KindDescriptor[] = ISTIO_KINDS): CrdFile[] {
  const byFile = (file: KindDescriptor['crdFile']): Crd[] => kinds.filter((descriptor) => descriptor.crdFile === file).map(istioCrd);
  return [
    { name: 'crd-10.yaml', crds: byFile('crd-10.yaml') },
    { name: 'crd-11.yaml', crds: byFile('crd-11.yaml') },
    { name: 'crd-12.yaml', crds: byFile('crd-12.yaml') },
    { name: 'crd-certmanager-10.yaml', crds: CERT_MANAGER_CRDS.slice(0, 3) },
    { name: 'crd-certmanager-11.yaml', crds: CERT_MANAGER_CRDS.slice(3) },
  ];
}

const HEADER = '# Generated by libs/config-model/scripts/generate-crds.ts from the config model. Do not edit.\n';

/** File name → YAML text. */
export function renderCrdFiles(files: readonly CrdFile[] = buildCrds()): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of files) {
    const body = file.crds.map((entry) => stringify(entry, { lineWidth: 0 })).join('---\n');
    out.set(file.name, `${HEADER}${body}`);
  }
  return out;
}

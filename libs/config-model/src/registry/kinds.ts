/** The descriptors of Istio 1.3's 23 config kinds, in the order of the istio-init chart's CRD files. */
import { normalizeEnvoyFilter, normalizePolicy, normalizeServiceRoleBinding, normalizeVirtualService } from '../parse/deprecated';
import { HTTPAPISpec, HTTPAPISpecBinding, HTTPAPISpecBindingSchema, HTTPAPISpecSchema, QuotaSpec, QuotaSpecBinding, QuotaSpecBindingSchema, QuotaSpecSchema } from '../types/apim';
import { Policy, PolicySchema } from '../types/authentication';
import { DestinationRule, DestinationRuleSchema } from '../types/destination-rule';
import { Gateway, GatewaySchema, ServiceEntry, ServiceEntrySchema } from '../types/gateway';
import { AdapterInfo, AdapterInfoSchema, AttributeManifest, AttributeManifestSchema, Handler, HandlerSchema, Instance, InstanceSchema, Rule, RuleSchema, Template, TemplateSchema } from '../types/policy';
import { AuthorizationPolicy, AuthorizationPolicySchema, RbacConfig, RbacConfigSchema, ServiceRole, ServiceRoleBinding, ServiceRoleBindingSchema, ServiceRoleSchema } from '../types/rbac';
import { EnvoyFilter, EnvoyFilterSchema, Sidecar, SidecarSchema } from '../types/sidecar';
import { VirtualService, VirtualServiceSchema } from '../types/virtual-service';
import { validatePolicy } from '../validation/authentication';
import { validateDestinationRule } from '../validation/destination-rule';
import { validateGateway, validateServiceEntry } from '../validation/gateway';
import {
  validateAdapterInfo,
  validateAttributeManifest,
  validateHandler,
  validateHTTPAPISpec,
  validateHTTPAPISpecBinding,
  validateInstance,
  validateQuotaSpec,
  validateQuotaSpecBinding,
  validateRule,
  validateTemplate,
} from '../validation/mixer';
import { validateAuthorizationPolicy, validateRbacConfig, validateServiceRole, validateServiceRoleBinding } from '../validation/rbac';
import { validateEnvoyFilter, validateSidecar } from '../validation/sidecar';
import { validateVirtualService } from '../validation/virtual-service';
import { KindDescriptor } from './descriptor';

/** Spec type of each kind, for typed access (`resource as IstioResource<SpecByKind['VirtualService']>`). */
export interface SpecByKind {
  VirtualService: VirtualService;
  DestinationRule: DestinationRule;
  ServiceEntry: ServiceEntry;
  Gateway: Gateway;
  EnvoyFilter: EnvoyFilter;
  Sidecar: Sidecar;
  ClusterRbacConfig: RbacConfig;
  RbacConfig: RbacConfig;
  ServiceRole: ServiceRole;
  ServiceRoleBinding: ServiceRoleBinding;
  AuthorizationPolicy: AuthorizationPolicy;
  Policy: Policy;
  MeshPolicy: Policy;
  HTTPAPISpecBinding: HTTPAPISpecBinding;
  HTTPAPISpec: HTTPAPISpec;
  QuotaSpecBinding: QuotaSpecBinding;
  QuotaSpec: QuotaSpec;
  rule: Rule;
  attributemanifest: AttributeManifest;
  adapter: AdapterInfo;
  instance: Instance;
  template: Template;
  handler: Handler;
}

export type IstioKind = keyof SpecByKind;

const ISTIO = 'istio-io';
const NETWORKING = { group: 'networking.istio.io', version: 'v1alpha3', categories: [ISTIO, 'networking-istio-io'], webhook: 'pilot' } as const;
const RBAC = { group: 'rbac.istio.io', version: 'v1alpha1', categories: [ISTIO, 'rbac-istio-io'], webhook: 'pilot' } as const;
const AUTHN = { group: 'authentication.istio.io', version: 'v1alpha1', categories: [ISTIO, 'authentication-istio-io'], webhook: 'pilot' } as const;
const APIM = { group: 'config.istio.io', version: 'v1alpha2', categories: [ISTIO, 'apim-istio-io'], webhook: 'pilot' } as const;
const POLICY = { group: 'config.istio.io', version: 'v1alpha2', categories: [ISTIO, 'policy-istio-io'], webhook: 'mixer' } as const;

type Names = { kind: string; plural: string; scope?: 'Namespaced' | 'Cluster'; shortNames?: readonly string[] };

function names(input: Names): Pick<KindDescriptor, 'kind' | 'plural' | 'singular' | 'listKind' | 'scope' | 'shortNames'> {
  return {
    kind: input.kind,
    plural: input.plural,
    singular: input.kind.toLowerCase(),
    listKind: `${input.kind}List`,
    scope: input.scope ?? 'Namespaced',
    shortNames: input.shortNames ?? [],
  };
}

const age = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp', description: 'Time since creation' } as const;

function kind<S>(descriptor: KindDescriptor<S>): KindDescriptor {
  return descriptor as unknown as KindDescriptor;
}

export const ISTIO_KINDS: readonly KindDescriptor[] = [
  kind<VirtualService>({
    ...NETWORKING,
    ...names({ kind: 'VirtualService', plural: 'virtualservices', shortNames: ['vs'] }),
    collection: 'istio/networking/v1alpha3/virtualservices',
    crdFile: 'crd-10.yaml',
    description: 'Routing rules applied when a host is addressed.',
    schema: VirtualServiceSchema,
    printerColumns: [
      { name: 'Gateways', type: 'string', jsonPath: '.spec.gateways', description: 'Gateways that apply these routes' },
      { name: 'Hosts', type: 'string', jsonPath: '.spec.hosts', description: 'Destination hosts' },
      age,
    ],
    validate: validateVirtualService,
    normalize: normalizeVirtualService,
  }),
  kind<DestinationRule>({
    ...NETWORKING,
    ...names({ kind: 'DestinationRule', plural: 'destinationrules', shortNames: ['dr'] }),
    collection: 'istio/networking/v1alpha3/destinationrules',
    crdFile: 'crd-10.yaml',
    description: 'Policies applied to traffic for a service after routing.',
    schema: DestinationRuleSchema,
    printerColumns: [{ name: 'Host', type: 'string', jsonPath: '.spec.host', description: 'The service the rule applies to' }, age],
    validate: validateDestinationRule,
  }),
  kind<ServiceEntry>({
    ...NETWORKING,
    ...names({ kind: 'ServiceEntry', plural: 'serviceentries', shortNames: ['se'] }),
    collection: 'istio/networking/v1alpha3/serviceentries',
    crdFile: 'crd-10.yaml',
    description: 'Adds an entry to the mesh service registry.',
    schema: ServiceEntrySchema,
    printerColumns: [
      { name: 'Hosts', type: 'string', jsonPath: '.spec.hosts', description: 'The hosts of the entry' },
      { name: 'Location', type: 'string', jsonPath: '.spec.location', description: 'MESH_EXTERNAL or MESH_INTERNAL' },
      { name: 'Resolution', type: 'string', jsonPath: '.spec.resolution', description: 'NONE, STATIC or DNS' },
      age,
    ],
    validate: validateServiceEntry,
  }),
  kind<Gateway>({
    ...NETWORKING,
    ...names({ kind: 'Gateway', plural: 'gateways', shortNames: ['gw'] }),
    collection: 'istio/networking/v1alpha3/gateways',
    crdFile: 'crd-10.yaml',
    description: 'A load balancer at the edge of the mesh.',
    schema: GatewaySchema,
    validate: validateGateway,
  }),
  kind<EnvoyFilter>({
    ...NETWORKING,
    ...names({ kind: 'EnvoyFilter', plural: 'envoyfilters' }),
    collection: 'istio/networking/v1alpha3/envoyfilters',
    crdFile: 'crd-10.yaml',
    description: 'Patches to the Envoy configuration generated by Pilot.',
    schema: EnvoyFilterSchema,
    validate: validateEnvoyFilter,
    normalize: normalizeEnvoyFilter,
  }),
  kind<RbacConfig>({
    ...RBAC,
    ...names({ kind: 'ClusterRbacConfig', plural: 'clusterrbacconfigs', scope: 'Cluster' }),
    collection: 'istio/rbac/v1alpha1/clusterrbacconfigs',
    crdFile: 'crd-10.yaml',
    description: 'Mesh-wide switch for Istio RBAC (must be named default).',
    schema: RbacConfigSchema,
    validate: validateRbacConfig,
  }),
  kind<Policy>({
    ...AUTHN,
    ...names({ kind: 'Policy', plural: 'policies' }),
    collection: 'istio/authentication/v1alpha1/policies',
    crdFile: 'crd-10.yaml',
    description: 'Authentication requirements for services of a namespace.',
    schema: PolicySchema,
    validate: validatePolicy,
    normalize: normalizePolicy,
  }),
  kind<Policy>({
    ...AUTHN,
    ...names({ kind: 'MeshPolicy', plural: 'meshpolicies', scope: 'Cluster' }),
    collection: 'istio/authentication/v1alpha1/meshpolicies',
    crdFile: 'crd-10.yaml',
    description: 'Mesh-wide authentication policy (must be named default).',
    schema: PolicySchema,
    validate: validatePolicy,
    normalize: normalizePolicy,
  }),
  kind<HTTPAPISpecBinding>({
    ...APIM,
    ...names({ kind: 'HTTPAPISpecBinding', plural: 'httpapispecbindings' }),
    collection: 'istio/config/v1alpha2/httpapispecbindings',
    crdFile: 'crd-10.yaml',
    description: 'Binds HTTPAPISpecs to services.',
    schema: HTTPAPISpecBindingSchema,
    validate: validateHTTPAPISpecBinding,
  }),
  kind<HTTPAPISpec>({
    ...APIM,
    ...names({ kind: 'HTTPAPISpec', plural: 'httpapispecs' }),
    collection: 'istio/config/v1alpha2/httpapispecs',
    crdFile: 'crd-10.yaml',
    description: 'HTTP API operations and the attributes they produce.',
    schema: HTTPAPISpecSchema,
    validate: validateHTTPAPISpec,
  }),
  kind<QuotaSpecBinding>({
    ...APIM,
    ...names({ kind: 'QuotaSpecBinding', plural: 'quotaspecbindings' }),
    collection: 'istio/mixer/v1/config/client/quotaspecbindings',
    crdFile: 'crd-10.yaml',
    description: 'Binds QuotaSpecs to services.',
    schema: QuotaSpecBindingSchema,
    validate: validateQuotaSpecBinding,
  }),
  kind<QuotaSpec>({
    ...APIM,
    ...names({ kind: 'QuotaSpec', plural: 'quotaspecs' }),
    collection: 'istio/mixer/v1/config/client/quotaspecs',
    crdFile: 'crd-10.yaml',
    description: 'Quotas charged for matching requests.',
    schema: QuotaSpecSchema,
    validate: validateQuotaSpec,
  }),
  kind<Rule>({
    ...POLICY,
    ...names({ kind: 'rule', plural: 'rules' }),
    collection: 'istio/policy/v1beta1/rules',
    crdFile: 'crd-10.yaml',
    description: 'Mixer rule: when match is true, dispatch instances to handlers.',
    schema: RuleSchema,
    validate: validateRule,
  }),
  kind<AttributeManifest>({
    ...POLICY,
    ...names({ kind: 'attributemanifest', plural: 'attributemanifests' }),
    collection: 'istio/policy/v1beta1/attributemanifests',
    crdFile: 'crd-10.yaml',
    description: 'Vocabulary of attributes.',
    schema: AttributeManifestSchema,
    validate: validateAttributeManifest,
  }),
  kind<RbacConfig>({
    ...RBAC,
    ...names({ kind: 'RbacConfig', plural: 'rbacconfigs' }),
    collection: 'istio/rbac/v1alpha1/rbacconfigs',
    crdFile: 'crd-10.yaml',
    description: 'Deprecated namespace-scoped form of ClusterRbacConfig.',
    schema: RbacConfigSchema,
    validate: validateRbacConfig,
  }),
  kind<ServiceRole>({
    ...RBAC,
    ...names({ kind: 'ServiceRole', plural: 'serviceroles' }),
    collection: 'istio/rbac/v1alpha1/serviceroles',
    crdFile: 'crd-10.yaml',
    description: 'A set of permissions.',
    schema: ServiceRoleSchema,
    validate: validateServiceRole,
  }),
  kind<ServiceRoleBinding>({
    ...RBAC,
    ...names({ kind: 'ServiceRoleBinding', plural: 'servicerolebindings' }),
    collection: 'istio/rbac/v1alpha1/servicerolebindings',
    crdFile: 'crd-10.yaml',
    description: 'Grants a ServiceRole to subjects.',
    schema: ServiceRoleBindingSchema,
    printerColumns: [
      { name: 'Reference', type: 'string', jsonPath: '.spec.roleRef.name', description: 'The ServiceRole granted' },
      age,
    ],
    validate: (spec, reporter, context) => validateServiceRoleBinding(spec, reporter, context),
    normalize: normalizeServiceRoleBinding,
  }),
  kind<AdapterInfo>({
    ...POLICY,
    ...names({ kind: 'adapter', plural: 'adapters' }),
    collection: 'istio/config/v1alpha2/adapters',
    crdFile: 'crd-10.yaml',
    description: 'Describes an out-of-process Mixer adapter.',
    schema: AdapterInfoSchema,
    validate: validateAdapterInfo,
  }),
  kind<Instance>({
    ...POLICY,
    ...names({ kind: 'instance', plural: 'instances' }),
    collection: 'istio/policy/v1beta1/instances',
    crdFile: 'crd-10.yaml',
    description: 'A Mixer template instance.',
    schema: InstanceSchema,
    validate: validateInstance,
  }),
  kind<Template>({
    ...POLICY,
    ...names({ kind: 'template', plural: 'templates' }),
    collection: 'istio/config/v1alpha2/templates',
    crdFile: 'crd-10.yaml',
    description: 'Describes an out-of-process Mixer template.',
    schema: TemplateSchema,
    validate: validateTemplate,
  }),
  kind<Handler>({
    ...POLICY,
    ...names({ kind: 'handler', plural: 'handlers' }),
    collection: 'istio/policy/v1beta1/handlers',
    crdFile: 'crd-10.yaml',
    description: 'A configured Mixer adapter.',
    schema: HandlerSchema,
    validate: validateHandler,
  }),
  kind<Sidecar>({
    ...NETWORKING,
    ...names({ kind: 'Sidecar', plural: 'sidecars' }),
    collection: 'istio/networking/v1alpha3/sidecars',
    crdFile: 'crd-11.yaml',
    description: 'Configuration of the sidecar proxy of the selected workloads.',
    schema: SidecarSchema,
    validate: validateSidecar,
  }),
  kind<AuthorizationPolicy>({
    ...RBAC,
    ...names({ kind: 'AuthorizationPolicy', plural: 'authorizationpolicies' }),
    collection: 'istio/rbac/v1alpha1/authorizationpolicies',
    crdFile: 'crd-12.yaml',
    description: 'Experimental in Istio 1.3 and not enforced.',
    schema: AuthorizationPolicySchema,
    validate: validateAuthorizationPolicy,
  }),
];

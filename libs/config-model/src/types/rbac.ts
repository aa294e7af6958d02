/** rbac.istio.io/v1alpha1 ServiceRole, ServiceRoleBinding, RbacConfig, ClusterRbacConfig, AuthorizationPolicy (1.3). */
import { arr, enm, Infer, int, map, obj, str } from '../schema/dsl';
import { WorkloadSelectorSchema } from './sidecar';

export const AccessRuleSchema = obj(
  {
    services: arr(str()),
    hosts: arr(str()),
    notHosts: arr(str()),
    paths: arr(str()),
    notPaths: arr(str()),
    methods: arr(str()),
    notMethods: arr(str()),
    ports: arr(int({ minimum: 1, maximum: 65535 })),
    notPorts: arr(int({ minimum: 1, maximum: 65535 })),
    constraints: arr(obj({ key: str(), values: arr(str()) })),
  },
  { hints: { service: 'services', path: 'paths', method: 'methods' } },
);

export const ServiceRoleSchema = obj({ rules: arr(AccessRuleSchema) }, { description: 'A set of permissions (access rules).' });

export const SubjectSchema = obj({
  user: str(),
  names: arr(str()),
  notNames: arr(str()),
  group: str({ deprecated: 'groups' }),
  groups: arr(str()),
  notGroups: arr(str()),
  namespaces: arr(str()),
  notNamespaces: arr(str()),
  ips: arr(str()),
  notIps: arr(str()),
  properties: map(str()),
});

export const RoleRefSchema = obj({ kind: str({ description: 'Must be ServiceRole.' }), name: str() });
const enforcementMode = enm(['ENFORCED', 'PERMISSIVE']);

export const ServiceRoleBindingSchema = obj(
  { subjects: arr(SubjectSchema), roleRef: RoleRefSchema, mode: enforcementMode, actions: arr(AccessRuleSchema), role: str() },
  { description: 'Grants a ServiceRole to subjects.', hints: { subject: 'subjects', role_ref: 'roleRef', ref: 'roleRef' } },
);

export const RBAC_MODES = ['OFF', 'ON', 'ON_WITH_INCLUSION', 'ON_WITH_EXCLUSION'] as const;
const targetList = obj({ services: arr(str()), namespaces: arr(str()) });

export const RbacConfigSchema = obj(
  { mode: enm(RBAC_MODES), inclusion: targetList, exclusion: targetList, enforcementMode },
  { description: 'Mesh-wide switch for Istio RBAC.', hints: { include: 'inclusion', exclude: 'exclusion' } },
);

export const AuthorizationPolicySchema = obj(
  { workloadSelector: WorkloadSelectorSchema, allow: arr(ServiceRoleBindingSchema) },
  { description: 'Experimental in Istio 1.3 (unused): bindings for selected workloads.' },
);

export type AccessRule = Infer<typeof AccessRuleSchema>;
export type ServiceRole = Infer<typeof ServiceRoleSchema>;
export type Subject = Infer<typeof SubjectSchema>;
export type ServiceRoleBinding = Infer<typeof ServiceRoleBindingSchema>;
export type RbacConfig = Infer<typeof RbacConfigSchema>;
export type ClusterRbacConfig = RbacConfig;
export type AuthorizationPolicy = Infer<typeof AuthorizationPolicySchema>;

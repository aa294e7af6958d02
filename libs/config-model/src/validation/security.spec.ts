import { authzPolicy, binding, meshPolicy, policy, rbacConfig, role, runCases } from '../../test/support/cases';
import { validateObject } from './validate';

describe('authentication Policy / MeshPolicy', () => {
  runCases(
    [
      ['namespace-wide strict mTLS', policy({ peers: [{ mtls: {} }] }, 'default')],
      ['permissive mesh policy', meshPolicy({ peers: [{ mtls: { mode: 'PERMISSIVE' } }] })],
      ['targets with ports', policy({ targets: [{ name: 'reviews', ports: [{ number: 9080 }, { name: 'http' }] }], peers: [{ mtls: { mode: 'STRICT' } }] })],
      ['origin JWT', policy({ origins: [{ jwt: { issuer: 'a@b', jwksUri: 'https://a/jwks', triggerRules: [{ excludedPaths: [{ exact: '/health' }] }] } }], principalBinding: 'USE_ORIGIN' })],
    ],
    [
      ['a MeshPolicy not named default', meshPolicy({ peers: [{ mtls: {} }] }, 'mesh'), 'metadata.name', 'MeshPolicy must be named "default"'],
      ['a MeshPolicy with targets', meshPolicy({ targets: [{ name: 'a' }] }), 'spec.targets', 'cannot have targets'],
      ['the default Policy with targets', policy({ targets: [{ name: 'a' }] }, 'default'), 'spec.targets', 'cannot have targets'],
      ['an empty peer', policy({ peers: [{}] }), 'spec.peers[0]', 'must be mtls or jwt'],
      ['an unknown mTLS mode', policy({ peers: [{ mtls: { mode: 'OPTIONAL' } }] }), 'spec.peers[0].mtls.mode', 'STRICT, PERMISSIVE'],
      ['two mtls peers', policy({ peers: [{ mtls: {} }, { mtls: {} }] }), 'spec.peers', 'at most one mtls'],
      ['a jwt without issuer', policy({ origins: [{ jwt: { jwksUri: 'https://a' } }] }), 'spec.origins[0].jwt.issuer', 'issuer is required'],
      ['a bad jwksUri', policy({ origins: [{ jwt: { issuer: 'a', jwksUri: 'ftp://x' } }] }), 'spec.origins[0].jwt.jwksUri', 'http(s) URL'],
      ['a snake_case jwks_uri', policy({ origins: [{ jwt: { issuer: 'a', jwks_uri: 'https://x' } }] }), 'spec.origins[0].jwt.jwks_uri', 'did you mean "jwksUri"?'],
      ['duplicate issuers', policy({ origins: [{ jwt: { issuer: 'a' } }, { jwt: { issuer: 'a' } }] }), 'spec.origins[1].jwt.issuer', 'duplicate issuer'],
      ['USE_ORIGIN without origins', policy({ principalBinding: 'USE_ORIGIN' }), 'spec.principalBinding', 'requires at least one origin'],
      ['an origin without jwt', policy({ origins: [{}] }), 'spec.origins[0].jwt', 'jwt is required'],
      ['a target without name', policy({ targets: [{ ports: [{ number: 80 }] }] }), 'spec.targets[0].name', 'target name is required'],
      ['an empty trigger rule', policy({ origins: [{ jwt: { issuer: 'a', triggerRules: [{}] } }] }), 'spec.origins[0].jwt.triggerRules[0]', 'includedPaths or excludedPaths'],
      ['a misspelled peers', policy({ peer: [{ mtls: {} }] }), 'spec.peer', 'did you mean "peers"?'],
    ],
  );

  it('normalises `mtls: {}` to STRICT and allowTls to PERMISSIVE', () => {
    const strict = validateObject(policy({ peers: [{ mtls: {} }] }, 'default'));
    expect(strict.object?.resource?.spec).toEqual({ peers: [{ mtls: { mode: 'STRICT' } }] });
    const legacy = validateObject(policy({ peers: [{ mtls: { allowTls: true } }] }, 'default'));
    expect(legacy.object?.resource?.spec).toEqual({ peers: [{ mtls: { mode: 'PERMISSIVE' } }] });
    expect(legacy.problems).toContainEqual(expect.objectContaining({ severity: 'warning', path: 'spec.peers[0].mtls.allowTls' }));
  });
});

describe('rbac.istio.io', () => {
  runCases(
    [
      ['a ServiceRole', role({ rules: [{ services: ['*'], paths: ['*/quotes'], methods: ['GET'] }] })],
      ['constraints', role({ rules: [{ services: ['a.ns.svc.cluster.local'], constraints: [{ key: 'request.headers[version]', values: ['v1'] }] }] })],
      ['a binding', binding({ subjects: [{ user: 'cluster.local/ns/default/sa/x' }], roleRef: { kind: 'ServiceRole', name: 'r' } })],
      ['binding properties', binding({ subjects: [{ properties: { 'source.principal': '*', 'request.auth.claims[group]': 'admin' } }], roleRef: { kind: 'ServiceRole', name: 'r' } })],
      ['ClusterRbacConfig ON', rbacConfig({ mode: 'ON' })],
      ['an exclusion', rbacConfig({ mode: 'ON_WITH_EXCLUSION', exclusion: { namespaces: ['kube-system'] } })],
    ],
    [
      ['a role without rules', role({ rules: [] }), 'spec.rules', 'at least one rule'],
      ['a rule without services', role({ rules: [{ methods: ['GET'] }] }), 'spec.rules[0].services', 'at least one service'],
      ['an unknown method', role({ rules: [{ services: ['*'], methods: ['FETCH'] }] }), 'spec.rules[0].methods[0]', 'not an HTTP method'],
      ['a wildcard inside a path', role({ rules: [{ services: ['*'], paths: ['/a/*/b'] }] }), 'spec.rules[0].paths[0]', 'only as a prefix, a suffix'],
      ['an unsupported constraint key', role({ rules: [{ services: ['*'], constraints: [{ key: 'source.color', values: ['x'] }] }] }), 'spec.rules[0].constraints[0].key', 'not supported'],
      ['a constraint without values', role({ rules: [{ services: ['*'], constraints: [{ key: 'destination.port', values: [] }] }] }), 'spec.rules[0].constraints[0].values', 'at least one value'],
      ['a port out of range', role({ rules: [{ services: ['*'], ports: [0] }] }), 'spec.rules[0].ports[0]', 'out of range'],
      ['a binding without subjects', binding({ roleRef: { kind: 'ServiceRole', name: 'r' } }), 'spec.subjects', 'at least one subject'],
      ['an empty subject', binding({ subjects: [{}], roleRef: { kind: 'ServiceRole', name: 'r' } }), 'spec.subjects[0]', 'at least one field'],
      ['a binding without roleRef', binding({ subjects: [{ user: '*' }] }), 'spec.roleRef', 'roleRef is required'],
      ['a wrong roleRef kind', binding({ subjects: [{ user: '*' }], roleRef: { kind: 'ClusterRole', name: 'r' } }), 'spec.roleRef.kind', 'must be "ServiceRole"'],
      ['a roleRef without name', binding({ subjects: [{ user: '*' }], roleRef: { kind: 'ServiceRole' } }), 'spec.roleRef.name', 'roleRef name is required'],
      ['an unsupported property', binding({ subjects: [{ properties: { 'source.colour': 'x' } }], roleRef: { kind: 'ServiceRole', name: 'r' } }), 'spec.subjects[0].properties["source.colour"]', 'not supported'],
      ['a bad IP', binding({ subjects: [{ ips: ['1.2.3'] }], roleRef: { kind: 'ServiceRole', name: 'r' } }), 'spec.subjects[0].ips[0]', 'not a valid IP'],
      ['an enforcement mode typo', binding({ subjects: [{ user: '*' }], roleRef: { kind: 'ServiceRole', name: 'r' }, mode: 'ENFORCING' }), 'spec.mode', 'ENFORCED, PERMISSIVE'],
      ['a ClusterRbacConfig not named default', rbacConfig({ mode: 'ON' }, 'rbac'), 'metadata.name', 'must be named "default"'],
      ['an unknown RBAC mode', rbacConfig({ mode: 'ENABLED' }), 'spec.mode', 'OFF, ON, ON_WITH_INCLUSION, ON_WITH_EXCLUSION'],
      ['inclusion mode without inclusion', rbacConfig({ mode: 'ON_WITH_INCLUSION' }), 'spec.inclusion', 'inclusion is required'],
      ['an AuthorizationPolicy binding without roleRef', authzPolicy({ allow: [{ subjects: [{ user: '*' }] }] }), 'spec.allow[0].roleRef', 'roleRef is required'],
    ],
  );

  it('normalises the deprecated subject group into groups', () => {
    const result = validateObject(binding({ subjects: [{ group: 'admins' }], roleRef: { kind: 'ServiceRole', name: 'r' } }));
    expect(result.object?.resource?.spec).toEqual({ subjects: [{ groups: ['admins'] }], roleRef: { kind: 'ServiceRole', name: 'r' } });
  });
});

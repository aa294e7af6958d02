/** authentication.istio.io/v1alpha1 Policy and MeshPolicy (Istio 1.3). */
import { arr, bool, enm, Infer, map, obj, port, str } from '../schema/dsl';

export const AuthnStringMatchSchema = obj(
  { exact: str(), prefix: str(), suffix: str(), regex: str() },
  { oneOf: [['exact', 'prefix', 'suffix', 'regex']] },
);

export const JwtSchema = obj(
  {
    issuer: str(),
    audiences: arr(str()),
    jwksUri: str(),
    jwks: str(),
    jwtHeaders: arr(str()),
    jwtParams: arr(str()),
    triggerRules: arr(obj({ excludedPaths: arr(AuthnStringMatchSchema), includedPaths: arr(AuthnStringMatchSchema) })),
  },
  { hints: { jwks_uri: 'jwksUri', jwt_headers: 'jwtHeaders', jwt_params: 'jwtParams', trigger_rules: 'triggerRules' } },
);

export const MutualTlsSchema = obj({
  allowTls: bool({ deprecated: 'mode: PERMISSIVE' }),
  mode: enm(['STRICT', 'PERMISSIVE'], { description: 'STRICT (default) or PERMISSIVE.' }),
});

export const PeerAuthenticationMethodSchema = obj(
  { mtls: MutualTlsSchema, jwt: JwtSchema },
  { oneOf: [['mtls', 'jwt']], hints: { mTLS: 'mtls', tls: 'mtls' } },
);

export const OriginAuthenticationMethodSchema = obj({ jwt: JwtSchema });

export const TargetSelectorSchema = obj({
  name: str({ description: 'Short name of the service (in the policy namespace).' }),
  ports: arr(obj({ number: port(), name: str() }, { oneOf: [['number', 'name']] })),
  labels: map(str()),
});

export const PolicySchema = obj(
  {
    targets: arr(TargetSelectorSchema),
    peers: arr(PeerAuthenticationMethodSchema),
    peerIsOptional: bool(),
    origins: arr(OriginAuthenticationMethodSchema),
    originIsOptional: bool(),
    principalBinding: enm(['USE_PEER', 'USE_ORIGIN']),
  },
  { description: 'Authentication requirements (peer mTLS, origin JWT) for services.', hints: { peer: 'peers', origin: 'origins', target: 'targets' } },
);

export type Jwt = Infer<typeof JwtSchema>;
export type PeerAuthenticationMethod = Infer<typeof PeerAuthenticationMethodSchema>;
export type TargetSelector = Infer<typeof TargetSelectorSchema>;
export type Policy = Infer<typeof PolicySchema>;
/** MeshPolicy has the Policy spec, cluster-scoped, and must be named `default`. */
export type MeshPolicy = Policy;

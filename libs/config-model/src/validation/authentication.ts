/** Semantic rules for authentication Policy and MeshPolicy (Istio 1.3). */
import { Jwt, Policy } from '../types/authentication';
import { checkLabels, checkPort, checkStringMatch, isDns1123Label } from './common';
import { ValidationContext } from './context';
import { child, item, Reporter } from './problems';

export function validatePolicy(spec: Policy, r: Reporter, ctx: ValidationContext): void {
  const targets = spec.targets ?? [];
  if (ctx.kind === 'MeshPolicy') {
    if (ctx.name !== 'default') r.error('metadata.name', `MeshPolicy must be named "default", found ${JSON.stringify(ctx.name)}`);
    if (targets.length > 0) r.error('spec.targets', 'MeshPolicy applies to the whole mesh and cannot have targets');
  } else if (ctx.name === 'default' && targets.length > 0) {
    r.error('spec.targets', 'the namespace-wide Policy "default" cannot have targets');
  }
  targets.forEach((target, index) => {
    const path = item('spec.targets', index);
    if (!target.name) r.error(child(path, 'name'), 'target name is required');
    else if (!isDns1123Label(target.name)) r.error(child(path, 'name'), `target name ${JSON.stringify(target.name)} must be the short name of a service`);
    (target.ports ?? []).forEach((port, portIndex) => {
      const portPath = item(child(path, 'ports'), portIndex);
      if (port.number === undefined && !port.name) r.error(portPath, 'port number or name is required');
      checkPort(port.number, child(portPath, 'number'), r);
    });
    checkLabels(target.labels, child(path, 'labels'), r);
  });
  let mtlsCount = 0;
  (spec.peers ?? []).forEach((peer, index) => {
    const path = item('spec.peers', index);
    if (!peer.mtls && !peer.jwt) r.error(path, 'a peer method must be mtls or jwt');
    if (peer.mtls) mtlsCount++;
    if (peer.jwt) {
      r.warning(child(path, 'jwt'), 'jwt as a peer method is deprecated; use origins');
      validateJwt(peer.jwt, child(path, 'jwt'), r);
    }
  });
  if (mtlsCount > 1) r.error('spec.peers', 'at most one mtls peer method may be given');
  const issuers = new Set<string>();
  (spec.origins ?? []).forEach((origin, index) => {
    const path = item('spec.origins', index);
    if (!origin.jwt) {
      r.error(child(path, 'jwt'), 'jwt is required for an origin');
      return;
    }
    validateJwt(origin.jwt, child(path, 'jwt'), r);
    if (origin.jwt.issuer) {
      if (issuers.has(origin.jwt.issuer)) r.error(child(path, 'jwt.issuer'), `duplicate issuer ${JSON.stringify(origin.jwt.issuer)}`);
      issuers.add(origin.jwt.issuer);
    }
  });
  if (spec.principalBinding === 'USE_ORIGIN' && (spec.origins ?? []).length === 0) {
    r.error('spec.principalBinding', 'USE_ORIGIN requires at least one origin');
  }
  if (spec.peerIsOptional && (spec.peers ?? []).length === 0) r.warning('spec.peerIsOptional', 'peerIsOptional has no effect without peers');
  if (spec.originIsOptional && (spec.origins ?? []).length === 0) r.warning('spec.originIsOptional', 'originIsOptional has no effect without origins');
}

function validateJwt(jwt: Jwt, path: string, r: Reporter): void {
  if (!jwt.issuer) r.error(child(path, 'issuer'), 'issuer is required');
  if (jwt.jwksUri !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(jwt.jwksUri);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) r.error(child(path, 'jwksUri'), `jwksUri ${JSON.stringify(jwt.jwksUri)} must be an http(s) URL`);
  }
  if (jwt.jwks !== undefined && jwt.jwksUri !== undefined) r.error(child(path, 'jwks'), 'only one of jwks and jwksUri may be set');
  (jwt.triggerRules ?? []).forEach((rule, index) => {
    const rulePath = item(child(path, 'triggerRules'), index);
    if ((rule.includedPaths ?? []).length === 0 && (rule.excludedPaths ?? []).length === 0) r.error(rulePath, 'a trigger rule needs includedPaths or excludedPaths');
    (rule.includedPaths ?? []).forEach((match, matchIndex) => checkStringMatch(match, item(child(rulePath, 'includedPaths'), matchIndex), r));
    (rule.excludedPaths ?? []).forEach((match, matchIndex) => checkStringMatch(match, item(child(rulePath, 'excludedPaths'), matchIndex), r));
  });
}

/** Rules for MeshConfig and ProxyConfig (Istio 1.3's ValidateMeshConfig / ValidateProxyConfig), on the defaulted config. */
import { MeshConfig, ProxyConfig, withMeshDefaults } from '../types/mesh';
import { SidecarInjectorConfig } from '../types/injector';
import { checkExportTo, checkPositiveDuration, durationMs, hostProblem, isIP } from './common';
import { child, item, Reporter } from './problems';

function checkHostPort(value: string | undefined, path: string, r: Reporter, required: boolean): void {
  if (value === undefined || value === '') {
    if (required) r.error(path, 'address is required');
    return;
  }
  const colon = value.lastIndexOf(':');
  const host = colon < 0 ? '' : value.slice(0, colon).replace(/^\[|\]$/g, '');
  const port = colon < 0 ? NaN : Number(value.slice(colon + 1));
  if (colon < 0 || !Number.isInteger(port) || port < 1 || port > 65535) {
    r.error(path, `address ${JSON.stringify(value)} must be host:port`);
    return;
  }
  if (!isIP(host) && hostProblem(host, { allowWildcard: false })) r.error(path, `invalid host in address ${JSON.stringify(value)}`);
}

export function validateProxyConfig(config: ProxyConfig, path: string, r: Reporter): void {
  for (const field of ['configPath', 'binaryPath', 'serviceCluster'] as const) {
    if (!config[field]) r.error(child(path, field), `${field} is required`);
  }
  checkPositiveDuration(config.drainDuration, child(path, 'drainDuration'), r);
  checkPositiveDuration(config.parentShutdownDuration, child(path, 'parentShutdownDuration'), r);
  checkPositiveDuration(config.connectTimeout, child(path, 'connectTimeout'), r);
  const drain = durationMs(config.drainDuration);
  const parent = durationMs(config.parentShutdownDuration);
  if (drain !== undefined && parent !== undefined && parent <= drain) {
    r.error(child(path, 'parentShutdownDuration'), `parentShutdownDuration (${config.parentShutdownDuration}) must be longer than drainDuration (${config.drainDuration})`);
  }
  checkHostPort(config.discoveryAddress, child(path, 'discoveryAddress'), r, true);
  checkHostPort(config.tracing?.zipkin?.address, child(path, 'tracing.zipkin.address'), r, false);
  checkHostPort(config.statsdUdpAddress, child(path, 'statsdUdpAddress'), r, false);
  if (config.tracing && Object.keys(config.tracing).length > 1) r.error(child(path, 'tracing'), 'only one tracer may be configured');
}

/** Validates the user's mesh config merged with Istio's defaults; paths are relative to `path` (e.g. `data.mesh`). */
export function validateMeshConfig(mesh: MeshConfig, path: string, r: Reporter): void {
  const resolved = withMeshDefaults(mesh);
  checkPositiveDuration(resolved.connectTimeout, child(path, 'connectTimeout'), r);
  checkPositiveDuration(resolved.dnsRefreshRate, child(path, 'dnsRefreshRate'), r);
  checkPositiveDuration(resolved.reportBatchMaxTime, child(path, 'reportBatchMaxTime'), r);
  checkHostPort(resolved.mixerCheckServer, child(path, 'mixerCheckServer'), r, false);
  checkHostPort(resolved.mixerReportServer, child(path, 'mixerReportServer'), r, false);
  if (resolved.trustDomain && hostProblem(resolved.trustDomain, { allowWildcard: false })) {
    r.error(child(path, 'trustDomain'), `invalid trust domain ${JSON.stringify(resolved.trustDomain)}`);
  }
  checkExportTo(mesh.defaultServiceExportTo, child(path, 'defaultServiceExportTo'), r);
  checkExportTo(mesh.defaultVirtualServiceExportTo, child(path, 'defaultVirtualServiceExportTo'), r);
  checkExportTo(mesh.defaultDestinationRuleExportTo, child(path, 'defaultDestinationRuleExportTo'), r);
  (mesh.configSources ?? []).forEach((source, index) => {
    if (!source.address) r.error(child(item(child(path, 'configSources'), index), 'address'), 'address is required');
  });
  validateProxyConfig(resolved.defaultConfig, child(path, 'defaultConfig'), r);
}

export function validateSidecarInjectorConfig(config: SidecarInjectorConfig, path: string, r: Reporter): void {
  if (!config.template) r.warning(child(path, 'template'), 'template is empty: nothing will be injected');
}

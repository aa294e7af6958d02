/** Semantic rules for DestinationRule (Istio 1.3's validateDestinationRule, and stricter where noted). */
import { ClientTLSSettings, DestinationRule, PortTrafficPolicy, TrafficPolicy } from '../types/destination-rule';
import { checkExportTo, checkHost, checkLabels, checkPort, checkPositiveDuration, isDns1123Label } from './common';
import { ValidationContext } from './context';
import { child, item, Reporter } from './problems';

export function validateDestinationRule(spec: DestinationRule, r: Reporter, _ctx: ValidationContext): void {
  if (spec.host === undefined || spec.host === '') r.error('spec.host', 'host is required');
  else checkHost(spec.host, 'spec.host', r);
  if (spec.trafficPolicy) validateTrafficPolicy(spec.trafficPolicy, 'spec.trafficPolicy', r);
  const names = new Set<string>();
  (spec.subsets ?? []).forEach((subset, index) => {
    const path = item('spec.subsets', index);
    if (!subset.name) r.error(child(path, 'name'), 'subset name is required');
    else if (!isDns1123Label(subset.name)) r.error(child(path, 'name'), `invalid subset name ${JSON.stringify(subset.name)}: must be a DNS-1123 label`);
    else if (names.has(subset.name)) r.error(child(path, 'name'), `duplicate subset name ${JSON.stringify(subset.name)}`);
    if (subset.name) names.add(subset.name);
    if (Object.keys(subset.labels ?? {}).length === 0) r.warning(child(path, 'labels'), 'subset without labels selects every endpoint of the host');
    checkLabels(subset.labels, child(path, 'labels'), r);
    if (subset.trafficPolicy) {
      validateTrafficPolicy(subset.trafficPolicy, child(path, 'trafficPolicy'), r);
    }
  });
  checkExportTo(spec.exportTo, 'spec.exportTo', r);
}

function validatePolicy(policy: PortTrafficPolicy, path: string, r: Reporter): void {
  const lb = policy.loadBalancer;
  if (lb) {
    const lbPath = child(path, 'loadBalancer');
    if (lb.simple === undefined && lb.consistentHash === undefined && lb.localityLbSetting === undefined) r.error(lbPath, 'one of simple or consistentHash must be set');
    const hash = lb.consistentHash;
    if (hash) {
      const hashPath = child(lbPath, 'consistentHash');
      if (hash.httpHeaderName === undefined && hash.httpCookie === undefined && hash.useSourceIp === undefined) {
        r.error(hashPath, 'one of httpHeaderName, httpCookie or useSourceIp must be set');
      }
      if (hash.httpCookie) {
        if (!hash.httpCookie.name) r.error(child(hashPath, 'httpCookie.name'), 'cookie name is required');
        if (hash.httpCookie.ttl === undefined) r.error(child(hashPath, 'httpCookie.ttl'), 'cookie ttl is required');
      }
    }
    (lb.localityLbSetting?.distribute ?? []).forEach((rule, index) => {
      const total = Object.values(rule.to ?? {}).reduce((sum, weight) => sum + weight, 0);
      if (total !== 100) r.error(child(item(child(lbPath, 'localityLbSetting.distribute'), index), 'to'), `locality weights sum to ${total}, must be 100`);
    });
  }
  const pool = policy.connectionPool;
  if (pool) {
    const poolPath = child(path, 'connectionPool');
    if (!pool.tcp && !pool.http) r.error(poolPath, 'connectionPool must set tcp or http settings');
    checkPositiveDuration(pool.tcp?.connectTimeout, child(poolPath, 'tcp.connectTimeout'), r);
    checkPositiveDuration(pool.tcp?.tcpKeepalive?.time, child(poolPath, 'tcp.tcpKeepalive.time'), r);
    checkPositiveDuration(pool.tcp?.tcpKeepalive?.interval, child(poolPath, 'tcp.tcpKeepalive.interval'), r);
    checkPositiveDuration(pool.http?.idleTimeout, child(poolPath, 'http.idleTimeout'), r);
  }
  const outlier = policy.outlierDetection;
  if (outlier) {
    const outlierPath = child(path, 'outlierDetection');
    checkPositiveDuration(outlier.interval, child(outlierPath, 'interval'), r);
    checkPositiveDuration(outlier.baseEjectionTime, child(outlierPath, 'baseEjectionTime'), r);
  }
  if (policy.tls) validateClientTls(policy.tls, child(path, 'tls'), r);
}

export function validateClientTls(tls: ClientTLSSettings, path: string, r: Reporter): void {
  if (tls.mode === undefined) r.warning(child(path, 'mode'), 'mode is not set; DISABLE is assumed');
  if (tls.mode === 'MUTUAL') {
    if (!tls.clientCertificate) r.error(child(path, 'clientCertificate'), 'clientCertificate is required for mode MUTUAL');
    if (!tls.privateKey) r.error(child(path, 'privateKey'), 'privateKey is required for mode MUTUAL');
  }
  if (tls.mode === 'ISTIO_MUTUAL' || tls.mode === 'DISABLE') {
    for (const field of ['clientCertificate', 'privateKey', 'caCertificates'] as const) {
      if (tls[field] !== undefined) r.warning(child(path, field), `${field} is ignored with mode ${tls.mode}`);
    }
  }
}

function validateTrafficPolicy(policy: TrafficPolicy, path: string, r: Reporter): void {
  validatePolicy(policy, path, r);
  const ports = new Set<string>();
  (policy.portLevelSettings ?? []).forEach((setting, index) => {
    const settingPath = item(child(path, 'portLevelSettings'), index);
    if (!setting.port || (setting.port.number === undefined && setting.port.name === undefined)) {
      r.error(child(settingPath, 'port'), 'port is required in port-level settings');
    } else {
      checkPort(setting.port.number, child(settingPath, 'port.number'), r);
      const id = String(setting.port.number ?? setting.port.name);
      if (ports.has(id)) r.error(child(settingPath, 'port'), `duplicate port-level settings for port ${id}`);
      ports.add(id);
    }
    validatePolicy(setting, settingPath, r);
  });
}


/** Semantic rules for Gateway and ServiceEntry (Istio 1.3, and stricter where noted). */
import { Gateway, Port, ServerTLSSettings, ServiceEntry } from '../types/gateway';
import { checkExportTo, checkHost, checkIPOrCIDR, checkLabels, checkNamespacedHost, hostProblem, isIP } from './common';
import { ValidationContext } from './context';
import { child, item, key, Reporter } from './problems';

export function validatePort(port: Port | undefined, path: string, r: Reporter): void {
  if (!port) {
    r.error(path, 'port is required');
    return;
  }
  if (port.number === undefined) r.error(child(path, 'number'), 'port number is required');
  if (port.protocol === undefined) r.error(child(path, 'protocol'), 'port protocol is required');
  if (port.name === undefined || port.name === '') r.error(child(path, 'name'), 'port name is required');
}

export function validateGateway(spec: Gateway, r: Reporter, _ctx: ValidationContext): void {
  const servers = spec.servers ?? [];
  if (servers.length === 0) r.error('spec.servers', 'at least one server is required');
  checkLabels(spec.selector, 'spec.selector', r);
  const protocolByPort = new Map<number, string>();
  const portNames = new Map<string, number>();
  servers.forEach((server, index) => {
    const path = item('spec.servers', index);
    validatePort(server.port, child(path, 'port'), r);
    const hosts = server.hosts ?? [];
    if (hosts.length === 0) r.error(child(path, 'hosts'), 'at least one host is required');
    hosts.forEach((host, hostIndex) => checkNamespacedHost(host, item(child(path, 'hosts'), hostIndex), r, { requireNamespace: false }));
    if (server.bind !== undefined && !isIP(server.bind) && !server.bind.startsWith('unix://')) r.error(child(path, 'bind'), `bind ${JSON.stringify(server.bind)} must be an IP address or unix:// path`);
    const port = server.port;
    if (port?.number !== undefined && port.protocol !== undefined) {
      const previous = protocolByPort.get(port.number);
      if (previous !== undefined && previous !== port.protocol) {
        r.error(child(path, 'port.protocol'), `port ${port.number} is already used with protocol ${previous} by another server`);
      }
      protocolByPort.set(port.number, port.protocol);
    }
    if (port?.name) {
      const other = portNames.get(port.name);
      if (other !== undefined && other !== port.number) r.error(child(path, 'port.name'), `port name ${JSON.stringify(port.name)} is used for ports ${other} and ${port.number}`);
      portNames.set(port.name, port.number ?? 0);
    }
    validateServerTls(port?.protocol, server.tls, child(path, 'tls'), r);
  });
}

function validateServerTls(protocol: string | undefined, tls: ServerTLSSettings | undefined, path: string, r: Reporter): void {
  const secure = protocol === 'HTTPS' || protocol === 'TLS';
  if (!tls) {
    if (secure) r.error(path, `tls settings are required for ${protocol} servers`);
    return;
  }
  if (!secure) {
    const extra = Object.keys(tls).filter((field) => field !== 'httpsRedirect');
    if (extra.length > 0) r.error(path, `only httpsRedirect may be set for ${protocol ?? 'non-TLS'} servers (found ${extra.join(', ')})`);
    return;
  }
  const mode = tls.mode ?? 'PASSTHROUGH';
  const usesSecret = tls.credentialName !== undefined && tls.credentialName !== '';
  if (mode === 'SIMPLE' || mode === 'MUTUAL') {
    if (!usesSecret) {
      if (!tls.serverCertificate) r.error(child(path, 'serverCertificate'), `serverCertificate is required for mode ${mode}`);
      if (!tls.privateKey) r.error(child(path, 'privateKey'), `privateKey is required for mode ${mode}`);
      if (mode === 'MUTUAL' && !tls.caCertificates) r.error(child(path, 'caCertificates'), 'caCertificates is required for mode MUTUAL');
    }
  } else {
    for (const field of ['serverCertificate', 'privateKey', 'caCertificates', 'credentialName'] as const) {
      if (tls[field] !== undefined) r.error(child(path, field), `${field} cannot be used with mode ${mode}`);
    }
  }
  if (mode === 'AUTO_PASSTHROUGH' && protocol !== 'TLS') r.error(child(path, 'mode'), 'AUTO_PASSTHROUGH requires protocol TLS');
  if (tls.httpsRedirect) r.warning(child(path, 'httpsRedirect'), 'httpsRedirect has no effect on a TLS server');
  const order = ['TLS_AUTO', 'TLSV1_0', 'TLSV1_1', 'TLSV1_2', 'TLSV1_3'];
  if (tls.minProtocolVersion && tls.maxProtocolVersion && tls.minProtocolVersion !== 'TLS_AUTO' && tls.maxProtocolVersion !== 'TLS_AUTO') {
    if (order.indexOf(tls.minProtocolVersion) > order.indexOf(tls.maxProtocolVersion)) r.error(child(path, 'minProtocolVersion'), 'minProtocolVersion is above maxProtocolVersion');
  }
  (tls.verifyCertificateHash ?? []).forEach((hash, index) => {
    if (!/^([0-9a-fA-F]{2}:?)+$/.test(hash)) r.error(item(child(path, 'verifyCertificateHash'), index), `${JSON.stringify(hash)} is not a hex-encoded hash`);
  });
}

export function validateServiceEntry(spec: ServiceEntry, r: Reporter, _ctx: ValidationContext): void {
  const hosts = spec.hosts ?? [];
  if (hosts.length === 0) r.error('spec.hosts', 'at least one host is required');
  hosts.forEach((host, index) => {
    const path = item('spec.hosts', index);
    if (host === '*') r.error(path, 'host "*" is not allowed in a ServiceEntry');
    else checkHost(host, path, r);
  });
  (spec.addresses ?? []).forEach((address, index) => checkIPOrCIDR(address, item('spec.addresses', index), r));
  const ports = spec.ports ?? [];
  if (ports.length === 0) r.error('spec.ports', 'at least one port is required');
  const names = new Set<string>();
  const numbers = new Set<number>();
  ports.forEach((port, index) => {
    const path = item('spec.ports', index);
    validatePort(port, path, r);
    if (port.name) {
      if (names.has(port.name)) r.error(child(path, 'name'), `duplicate port name ${JSON.stringify(port.name)}`);
      names.add(port.name);
    }
    if (port.number !== undefined) {
      if (numbers.has(port.number)) r.error(child(path, 'number'), `duplicate port number ${port.number}`);
      numbers.add(port.number);
    }
  });
  const resolution = spec.resolution ?? 'NONE';
  const endpoints = spec.endpoints ?? [];
  if (resolution === 'NONE' && endpoints.length > 0) r.error('spec.endpoints', 'endpoints cannot be given with resolution NONE');
  if (resolution === 'STATIC' && endpoints.length === 0) r.error('spec.endpoints', 'at least one endpoint is required with resolution STATIC');
  if (resolution !== 'NONE') {
    hosts.forEach((host, index) => {
      if (host.startsWith('*')) r.error(item('spec.hosts', index), `wildcard host ${JSON.stringify(host)} requires resolution NONE`);
    });
  }
  endpoints.forEach((endpoint, index) => {
    const path = item('spec.endpoints', index);
    const address = endpoint.address;
    if (!address) r.error(child(path, 'address'), 'endpoint address is required');
    else if (address.startsWith('unix://')) {
      if (resolution !== 'STATIC') r.error(child(path, 'address'), 'unix domain socket endpoints require resolution STATIC');
    } else if (resolution === 'STATIC' && !isIP(address)) {
      r.error(child(path, 'address'), `endpoint address ${JSON.stringify(address)} must be an IP address with resolution STATIC`);
    } else if (resolution === 'DNS' && !isIP(address)) {
      const problem = hostProblem(address, { allowWildcard: false });
      if (problem) r.error(child(path, 'address'), problem);
    }
    for (const [name, number] of Object.entries(endpoint.ports ?? {})) {
      if (!names.has(name)) r.error(key(child(path, 'ports'), name), `endpoint port ${JSON.stringify(name)} (${number}) is not declared in spec.ports`);
    }
    checkLabels(endpoint.labels, child(path, 'labels'), r);
  });
  checkExportTo(spec.exportTo, 'spec.exportTo', r);
}

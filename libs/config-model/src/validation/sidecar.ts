/** Semantic rules for Sidecar and EnvoyFilter (Istio 1.3, and stricter where noted). */
import { EnvoyFilter, Sidecar } from '../types/sidecar';
import { checkIPOrCIDR, checkLabels, checkNamespacedHost, isIP } from './common';
import { ValidationContext } from './context';
import { validatePort } from './gateway';
import { child, item, Reporter } from './problems';

export function validateSidecar(spec: Sidecar, r: Reporter, _ctx: ValidationContext): void {
  checkLabels(spec.workloadSelector?.labels, 'spec.workloadSelector.labels', r);
  if (spec.workloadSelector && Object.keys(spec.workloadSelector.labels ?? {}).length === 0) {
    r.error('spec.workloadSelector.labels', 'workloadSelector needs at least one label (omit it to apply to the whole namespace)');
  }
  const egress = spec.egress ?? [];
  if (egress.length === 0) r.error('spec.egress', 'at least one egress listener is required');
  const ports = new Set<number>();
  egress.forEach((listener, index) => {
    const path = item('spec.egress', index);
    if (listener.port) {
      validatePort(listener.port, child(path, 'port'), r);
      if (listener.port.number !== undefined) {
        if (ports.has(listener.port.number)) r.error(child(path, 'port.number'), `duplicate egress port ${listener.port.number}`);
        ports.add(listener.port.number);
      }
    } else if (index !== egress.length - 1) {
      r.error(path, 'only the last egress listener may omit the port (the catch-all listener)');
    }
    const hosts = listener.hosts ?? [];
    if (hosts.length === 0) r.error(child(path, 'hosts'), 'at least one host is required');
    hosts.forEach((host, hostIndex) => checkNamespacedHost(host, item(child(path, 'hosts'), hostIndex), r, { requireNamespace: true }));
    checkBind(listener.bind, child(path, 'bind'), r);
  });
  const ingressPorts = new Set<number>();
  (spec.ingress ?? []).forEach((listener, index) => {
    const path = item('spec.ingress', index);
    validatePort(listener.port, child(path, 'port'), r);
    const number = listener.port?.number;
    if (number !== undefined) {
      if (ingressPorts.has(number)) r.error(child(path, 'port.number'), `duplicate ingress port ${number}`);
      ingressPorts.add(number);
    }
    const endpoint = listener.defaultEndpoint;
    if (!endpoint) r.error(child(path, 'defaultEndpoint'), 'defaultEndpoint is required');
    else if (!endpoint.startsWith('unix://') && !/^(127\.0\.0\.1|0\.0\.0\.0|\[::1\]|\[::\]):\d{1,5}$/.test(endpoint)) {
      r.error(child(path, 'defaultEndpoint'), `defaultEndpoint ${JSON.stringify(endpoint)} must be 127.0.0.1:<port>, 0.0.0.0:<port> or unix://<path>`);
    }
    checkBind(listener.bind, child(path, 'bind'), r);
  });
}

function checkBind(bind: string | undefined, path: string, r: Reporter): void {
  if (bind !== undefined && !isIP(bind) && !bind.startsWith('unix://')) r.error(path, `bind ${JSON.stringify(bind)} must be an IP address or unix:// path`);
}

const LISTENER_TARGETS = new Set(['LISTENER', 'FILTER_CHAIN', 'NETWORK_FILTER', 'HTTP_FILTER']);
const ROUTE_TARGETS = new Set(['ROUTE_CONFIGURATION', 'VIRTUAL_HOST', 'HTTP_ROUTE']);

export function validateEnvoyFilter(spec: EnvoyFilter, r: Reporter, _ctx: ValidationContext): void {
  if (spec.workloadLabels && spec.workloadSelector) r.error('spec.workloadLabels', 'use only workloadSelector (workloadLabels is deprecated)');
  checkLabels(spec.workloadSelector?.labels, 'spec.workloadSelector.labels', r);
  const filters = spec.filters ?? [];
  const patches = spec.configPatches ?? [];
  if (filters.length > 0 && patches.length > 0) r.error('spec.filters', 'filters (deprecated) and configPatches cannot be used together');
  if (filters.length === 0 && patches.length === 0) r.error('spec.configPatches', 'at least one config patch is required');
  filters.forEach((filter, index) => {
    const path = item('spec.filters', index);
    if (!filter.filterName) r.error(child(path, 'filterName'), 'filterName is required');
    if (filter.filterType === undefined || filter.filterType === 'INVALID') r.error(child(path, 'filterType'), 'filterType must be HTTP or NETWORK');
    if (filter.filterConfig === undefined) r.error(child(path, 'filterConfig'), 'filterConfig is required');
    const position = filter.insertPosition;
    if ((position?.index === 'BEFORE' || position?.index === 'AFTER') && !position.relativeTo) {
      r.error(child(path, 'insertPosition.relativeTo'), `relativeTo is required with index ${position.index}`);
    }
    (filter.listenerMatch?.address ?? []).forEach((address, addressIndex) => checkIPOrCIDR(address, item(child(path, 'listenerMatch.address'), addressIndex), r));
  });
  patches.forEach((patch, index) => {
    const path = item('spec.configPatches', index);
    const applyTo = patch.applyTo;
    if (applyTo === undefined || applyTo === 'INVALID') r.error(child(path, 'applyTo'), 'applyTo is required');
    const operation = patch.patch?.operation;
    if (!patch.patch) r.error(child(path, 'patch'), 'patch is required');
    else if (operation === undefined || operation === 'INVALID') r.error(child(path, 'patch.operation'), 'patch operation is required');
    if ((operation === 'ADD' || operation === 'MERGE' || operation === 'INSERT_BEFORE' || operation === 'INSERT_AFTER') && patch.patch?.value === undefined) {
      r.error(child(path, 'patch.value'), `a value is required for operation ${operation}`);
    }
    if ((operation === 'INSERT_BEFORE' || operation === 'INSERT_AFTER') && applyTo !== 'NETWORK_FILTER' && applyTo !== 'HTTP_FILTER') {
      r.error(child(path, 'patch.operation'), `${operation} applies to NETWORK_FILTER or HTTP_FILTER only`);
    }
    const match = patch.match;
    if (applyTo && match) {
      if (LISTENER_TARGETS.has(applyTo) && (match.routeConfiguration || match.cluster)) r.error(child(path, 'match'), `applyTo ${applyTo} needs a listener match`);
      if (ROUTE_TARGETS.has(applyTo) && (match.listener || match.cluster)) r.error(child(path, 'match'), `applyTo ${applyTo} needs a routeConfiguration match`);
      if (applyTo === 'CLUSTER' && (match.listener || match.routeConfiguration)) r.error(child(path, 'match'), 'applyTo CLUSTER needs a cluster match');
    }
  });
}

import type { Cluster } from '@isthmus/protos';
import type { Proxy } from '../model/proxy';
import { isHttp2Protocol } from '../model/protocol';
import { Service, ServicePort, labelsMatch } from '../model/service';
import type { PushContext } from '../push/push-context';
import { NO_ENDPOINTS_SELECTOR, destinationRuleFor, instancesOf, servicesFor, undefinedSubsets } from '../push/queries';
import { applyTrafficPolicy, effectivePolicy, upstreamTls } from './cluster-policy';
import { ADS_CONFIG_SOURCE, protoDuration, socketAddress } from './envoy-util';
import { BLACKHOLE_CLUSTER, INBOUND_PASSTHROUGH_CLUSTER, PASSTHROUGH_CLUSTER, inboundClusterName, istioMutualSni, outboundClusterName } from './names';

/**
 * CDS for a proxy: `outbound|port|subset|host` for every reachable service port and DestinationRule subset,
 * `inbound|port||host` for the ports the proxy itself serves (sidecars), and BlackHole/Passthrough clusters.
 * Pure function of (push, proxy).
 */
export function buildClusters(push: PushContext, proxy: Proxy, options: { inbound: boolean } = { inbound: true }): Cluster[] {
  const clusters = buildOutboundClusters(push, proxy);
  if (proxy.proxyless) return clusters;
  clusters.push(
    { name: BLACKHOLE_CLUSTER, type: 'STATIC', connect_timeout: connectTimeout(push) },
    { name: PASSTHROUGH_CLUSTER, type: 'ORIGINAL_DST', lb_policy: 'CLUSTER_PROVIDED', connect_timeout: connectTimeout(push) },
  );
  if (proxy.type === 'sidecar') {
    clusters.push({ name: INBOUND_PASSTHROUGH_CLUSTER, type: 'ORIGINAL_DST', lb_policy: 'CLUSTER_PROVIDED', connect_timeout: connectTimeout(push) });
    if (options.inbound) clusters.push(...buildInboundClusters(push, proxy));
  }
  return clusters;
}

export function buildOutboundClusters(push: PushContext, proxy: Proxy): Cluster[] {
  const clusters: Cluster[] = [];
  const undefinedByHost = undefinedSubsets(push, proxy);
  for (const service of servicesFor(push, proxy)) {
    const rule = destinationRuleFor(push, proxy.namespace, service);
    for (const port of service.ports) {
      if (port.protocol === 'UDP') continue;
      const topPolicy = rule?.spec.trafficPolicy;
      clusters.push(outboundCluster(push, proxy, service, port, '', undefined, effectivePolicy([topPolicy], port.port)));
      for (const subset of rule?.spec.subsets ?? []) {
        if (!subset.name) continue;
        const policy = effectivePolicy([topPolicy, subset.trafficPolicy], port.port);
        clusters.push(outboundCluster(push, proxy, service, port, subset.name, subset.labels, policy));
      }
      for (const subset of undefinedByHost.get(service.hostname) ?? []) {
        clusters.push(outboundCluster(push, proxy, service, port, subset, NO_ENDPOINTS_SELECTOR, effectivePolicy([topPolicy], port.port)));
      }
    }
  }
  return clusters;
}

function outboundCluster(
  push: PushContext,
  proxy: Proxy,
  service: Service,
  port: ServicePort,
  subset: string,
  subsetLabels: Readonly<Record<string, string>> | undefined,
  policy: ReturnType<typeof effectivePolicy>,
): Cluster {
  const name = outboundClusterName(service.hostname, port.port, subset);
  const cluster: Cluster = { name, connect_timeout: connectTimeout(push) };
  switch (service.resolution) {
    case 'ClientSideLB':
      cluster.type = 'EDS';
      cluster.eds_cluster_config = { eds_config: ADS_CONFIG_SOURCE, service_name: name };
      cluster.lb_policy = 'ROUND_ROBIN';
      break;
    case 'DNSLB': {
      cluster.type = 'STRICT_DNS';
      cluster.lb_policy = 'ROUND_ROBIN';
      cluster.dns_lookup_family = 'V4_ONLY';
      const endpoints = (push.endpointsByHost.get(service.hostname) ?? []).filter((endpoint) => endpoint.servicePort === port.port && labelsMatch(subsetLabels, endpoint.labels));
      cluster.load_assignment = {
        cluster_name: name,
        endpoints: [{ lb_endpoints: endpoints.map((endpoint) => ({ endpoint: { address: socketAddress(endpoint.address, endpoint.port) } })) }],
      };
      break;
    }
    case 'Passthrough':
      cluster.type = 'ORIGINAL_DST';
      cluster.lb_policy = 'CLUSTER_PROVIDED';
      break;
  }
  if (isHttp2Protocol(port.protocol)) cluster.http2_protocol_options = {};
  applyTrafficPolicy(cluster, policy);
  if (!proxy.proxyless) {
    const transport = upstreamTls(policy.tls, expectedIdentities(push, service), istioMutualSni(service.hostname, port.port, subset));
    if (transport) cluster.transport_socket = transport;
  }
  return cluster;
}

/** Secure naming: the identities a service's endpoints may present (ServiceEntry subjectAltNames, endpoint accounts). */
export function expectedIdentities(push: PushContext, service: Service): string[] {
  const accounts = new Set(service.serviceAccounts);
  for (const endpoint of push.endpointsByHost.get(service.hostname) ?? []) if (endpoint.serviceAccount) accounts.add(endpoint.serviceAccount);
  return [...accounts].sort();
}

/** `inbound|port||host` → the application on 127.0.0.1:<target port>. */
export function buildInboundClusters(push: PushContext, proxy: Proxy): Cluster[] {
  const seen = new Set<string>();
  const clusters: Cluster[] = [];
  for (const instance of instancesOf(push, proxy)) {
    const name = inboundClusterName(instance.hostname, instance.servicePort);
    if (seen.has(name)) continue;
    seen.add(name);
    const port = push.serviceByHost.get(instance.hostname)?.ports.find((candidate) => candidate.port === instance.servicePort);
    clusters.push({
      name,
      type: 'STATIC',
      connect_timeout: connectTimeout(push),
      lb_policy: 'ROUND_ROBIN',
      load_assignment: { cluster_name: name, endpoints: [{ lb_endpoints: [{ endpoint: { address: socketAddress('127.0.0.1', instance.port) } }] }] },
      ...(port && isHttp2Protocol(port.protocol) ? { http2_protocol_options: {} } : {}),
    });
  }
  return clusters;
}

function connectTimeout(push: PushContext) {
  return protoDuration(push.mesh.connectTimeout) ?? { seconds: 10, nanos: 0 };
}

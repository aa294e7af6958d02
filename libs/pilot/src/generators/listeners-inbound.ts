import { EXTENSION_TYPE_NAMES } from '@isthmus/protos';
import type { Filter, FilterChain, Listener } from '@isthmus/protos';
import type { Proxy } from '../model/proxy';
import { isHttpProtocol } from '../model/protocol';
import { UNSPECIFIED_ADDRESS } from '../model/service';
import type { PushContext } from '../push/push-context';
import { instancesOf, mtlsModeFor } from '../push/queries';
import { rbacFilter } from './authz-rbac';
import { istioMutualServerTls } from './downstream-tls';
import { pack, socketAddress, tcpProxyFilter } from './envoy-util';
import { httpConnectionManager } from './http-connection-manager';
import { INBOUND_PASSTHROUGH_CLUSTER, VIRTUAL_INBOUND_LISTENER, VIRTUAL_INBOUND_PORT, inboundClusterName, listenerName } from './names';

/**
 * LDS (inbound side of a sidecar): `virtualInbound` on 15006 and one `<podIP>_<port>` listener per service port the
 * workload serves, forwarding to `inbound|port||host`. The authentication policy decides the chains: STRICT = mTLS
 * only; PERMISSIVE = mTLS (ALPN `istio`) and plaintext side by side; none = plaintext. With Istio RBAC on for the
 * service, HTTP listeners get the RBAC filter (authz-rbac.ts).
 */
export function buildInboundListeners(push: PushContext, proxy: Proxy): Listener[] {
  const listeners: Listener[] = [];
  const seen = new Set<number>();
  for (const instance of instancesOf(push, proxy)) {
    if (seen.has(instance.servicePort)) continue;
    seen.add(instance.servicePort);
    const service = push.serviceByHost.get(instance.hostname);
    const port = service?.ports.find((candidate) => candidate.port === instance.servicePort);
    if (!service || !port || port.protocol === 'UDP') continue;
    const cluster = inboundClusterName(service.hostname, port.port);
    const rbac = rbacFilter(push, service);
    const filter: Filter = isHttpProtocol(port.protocol)
      ? httpConnectionManager({
          statPrefix: cluster,
          extraFilters: rbac ? [rbac] : [],
          routeConfig: {
            name: cluster,
            virtual_hosts: [
              {
                name: `inbound|http|${port.port}`,
                domains: ['*'],
                routes: [{ name: 'default', match: { prefix: '/' }, route: { cluster, timeout: { seconds: 0, nanos: 0 } }, decorator: { operation: `${service.hostname}:${port.port}/*` } }],
              },
            ],
            validate_clusters: { value: false },
          },
        })
      : tcpProxyFilter(cluster, cluster);
    const mode = mtlsModeFor(push, service, port.port).mode;
    const chains: FilterChain[] = [];
    if (mode === 'STRICT') chains.push({ transport_socket: istioMutualServerTls(), filters: [filter] });
    else if (mode === 'PERMISSIVE') {
      chains.push({ filter_chain_match: { transport_protocol: 'tls', application_protocols: ['istio'] }, transport_socket: istioMutualServerTls(), filters: [filter] });
      chains.push({ filters: [filter] });
    } else chains.push({ filters: [filter] });
    listeners.push({
      name: listenerName(proxy.ip, port.port),
      address: socketAddress(proxy.ip, port.port),
      bind_to_port: { value: false },
      traffic_direction: 'INBOUND',
      ...(mode === 'PERMISSIVE' ? { listener_filters: [{ name: 'envoy.filters.listener.tls_inspector', typed_config: pack(EXTENSION_TYPE_NAMES.tlsInspector, {}) }] } : {}),
      filter_chains: chains,
    });
  }
  listeners.push({
    name: VIRTUAL_INBOUND_LISTENER,
    address: socketAddress(UNSPECIFIED_ADDRESS, VIRTUAL_INBOUND_PORT),
    use_original_dst: { value: true },
    traffic_direction: 'INBOUND',
    filter_chains: [{ name: 'virtualInbound-catchall-tcp', filters: [tcpProxyFilter(INBOUND_PASSTHROUGH_CLUSTER, INBOUND_PASSTHROUGH_CLUSTER)] }],
  });
  return listeners;
}

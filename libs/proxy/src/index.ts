/**
 * @isthmus/proxy — the Isthmus data plane: an Envoy-v3-compatible L4/L7 proxy driven by xDS.
 *
 *   const engine = new ProxyEngine({ drainMs: 45_000 });
 *   engine.applyClusters(...); engine.applyEndpoints(...); await engine.applyListeners(...); engine.applyRoutes(...);
 *   // or over ADS:
 *   const xds = new XdsSubscriber(engine, { address, node: buildNode(...) }); xds.start();
 *   const admin = await startAdminServer({ engine, port: 15000, ... });
 *
 * Config is compiled when it arrives (src/config), the data path (src/http, src/listener, src/upstream) only reads it.
 */
export * from './config';
export { AccessLogWriter } from './http/access-log-writer';
export { ListenerManager, type OriginalDestinationResolver } from './listener/listener-manager';
export { parseClientHello } from './listener/client-hello';
export { selectFilterChain } from './listener/filter-chain-match';
export * from './proxy';
export * from './xds/bootstrap';
export * from './xds/subscriber';
export * from './stats/stats-store';
export { CertStore } from './tls/cert-store';
export { ClusterManager } from './upstream/cluster-manager';
export { createLoadBalancer, hashString } from './upstream/load-balancer';
export { Host } from './upstream/host';
export * from './admin/admin-server';
export { toEnvoyJson } from './admin/envoy-json';

/**
 * @isthmus/pilot — service discovery and traffic management: registries and config sources → an immutable
 * PushContext per push → pure xDS generators (one file per output) → the xDS snapshot cache served by @isthmus/xds.
 *
 * - model/: Service, ServiceEndpoint, Proxy (parsed from the xDS node), protocols, host matching.
 * - config/: ConfigSource (directory of files, MCP, Kubernetes CRDs) producing a ConfigSet; last good config kept.
 * - registry/: ServiceRegistry (memory, ServiceEntry, Kubernetes) and an aggregate.
 * - push/: buildPushContext + lookups (exportTo, Sidecar scope, DestinationRule/VirtualService selection, authn).
 * - generators/: clusters, endpoints, listeners (outbound, inbound, gateway, proxyless API), routes; generateProxyConfig.
 * - discovery/: DiscoveryService wiring it all to the ADS server (debounce, full vs endpoint pushes, metrics, debug).
 */
export * from './config/config-set';
export * from './config/file-source';
export * from './config/parse-config';
export * from './generators/generate';
export * from './generators/names';
export * from './generators/route-translation';
export * from './discovery/readable';
export * from './model/hostname';
export * from './model/protocol';
export * from './model/proxy';
export * from './model/service';
export * from './push/push-context';
export * from './push/queries';
export * from './registry/aggregate-registry';
export * from './registry/memory-registry';
export * from './registry/registry';
export * from './registry/serviceentry/conversion';
export * from './registry/serviceentry/registry';
export * from './discovery/debug';
export * from './discovery/discovery-service';
export * from './discovery/metrics';
export * from './discovery/snapshot-builder';
export * from './config/mcp-source';

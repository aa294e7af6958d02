import { PUSH_ORDER, SnapshotCache, shortTypeName } from '@isthmus/xds';
import type { AdsConnection } from '@isthmus/xds';
import type { DiscoveryService } from './discovery-service';
import { readableResource } from './readable';

export type DebugQuery = Readonly<Record<string, string | undefined>>;
export type DebugResult = { status: number; body: unknown };
export type DebugHandler = (query: DebugQuery) => DebugResult;

const ok = (body: unknown): DebugResult => ({ status: 200, body });

/**
 * Pilot's debug endpoints (served on --httpAddr, default :8080), as Istio 1.3 names them:
 * - /debug/syncz — per connected proxy and type: sent and ACKed versions and nonces, NACK errors;
 * - /debug/adsz — connections: node id, peer, connected since, metadata, per-type state;
 * - /debug/configz — the accepted Istio config resources;
 * - /debug/registryz — services known to the registries (Kubernetes, ServiceEntry, memory);
 * - /debug/endpointz — endpoints per service (optional ?service=<host>);
 * - /debug/config_dump?proxyID=<node id or pod.ns> — the proxy's current snapshot, decoded;
 * - /debug/push_status — the last push: timing, proxies, warnings (skipped routes, conflicts), rejected config.
 */
export function debugHandlers(discovery: DiscoveryService, cache: SnapshotCache, connections: () => readonly AdsConnection[]): Record<string, DebugHandler> {
  return {
    '/debug/syncz': () =>
      ok(
        connections().map((connection) => ({
          proxy: connection.node.id,
          stream: connection.id,
          ...Object.fromEntries(
            connection.status().map((status) => [
              shortTypeName(status.typeUrl).toLowerCase(),
              { sent: status.sentVersion, acked: status.ackedVersion, nonce: status.sentNonce, inFlight: status.inFlight, ...(status.lastError ? { nack: status.lastError } : {}) },
            ]),
          ),
        })),
      ),
    '/debug/adsz': () =>
      ok({
        totalClients: connections().length,
        clients: connections().map((connection) => ({
          connectionId: connection.id,
          proxy: connection.node.id,
          peer: connection.peer,
          connectedAt: new Date(connection.connectedAt).toISOString(),
          cluster: connection.node.cluster,
          userAgent: connection.node.user_agent_name,
          watches: connection.status().map((status) => ({ type: shortTypeName(status.typeUrl), names: status.names ?? '*', version: status.ackedVersion })),
        })),
      }),
    '/debug/configz': () => ok(discovery.configResources()),
    '/debug/registryz': () => ok(discovery.pushContext.services),
    '/debug/endpointz': (query) => {
      const push = discovery.pushContext;
      const services = query['service'] ? push.services.filter((service) => service.hostname === query['service']) : push.services;
      return ok(services.map((service) => ({ service: service.hostname, endpoints: push.endpointsByHost.get(service.hostname) ?? [] })));
    },
    '/debug/config_dump': (query) => {
      const wanted = query['proxyID'];
      if (!wanted) return { status: 400, body: { error: 'proxyID query parameter is required' } };
      const connection = connections().find((candidate) => candidate.node.id === wanted || candidate.node.id.split('~')[2] === wanted);
      const snapshot = connection ? cache.getSnapshot(connection.key) : cache.getSnapshot(wanted);
      if (!snapshot) return { status: 404, body: { error: `no config for proxy ${wanted}` } };
      return ok({
        version: snapshot.version,
        configs: PUSH_ORDER.map((typeUrl) => ({
          type: shortTypeName(typeUrl),
          version: snapshot.get(typeUrl).version,
          resources: [...snapshot.get(typeUrl).resources.values()].map((resource) => readableResource(resource.any)),
        })),
      });
    },
    '/debug/push_status': () => ok(discovery.pushStatus()),
  };
}

/**
 * Test helpers for xDS: a real ADS server on loopback over a memory cache, resource builders, and waitFor.
 * Import from `@isthmus/xds/testing` in tests only.
 */
import * as grpc from '@grpc/grpc-js';
import { EXTENSION_TYPE_NAMES, envoyCodec } from '@isthmus/protos';
import type { Cluster, ClusterLoadAssignment, Listener, RouteConfiguration } from '@isthmus/protos';
import { AdsServer } from './ads-server';
import { MemorySnapshotCache } from './cache';
import type { AdsCallbacks } from './connection';

export interface TestAdsServer {
  readonly address: string;
  readonly port: number;
  readonly cache: MemorySnapshotCache;
  readonly ads: AdsServer;
  stop(): Promise<void>;
}

/** Starts an ADS server on 127.0.0.1 (port 0 = any free port) serving `cache`. */
export async function startTestAdsServer(options: { cache?: MemorySnapshotCache; callbacks?: AdsCallbacks; port?: number } = {}): Promise<TestAdsServer> {
  const cache = options.cache ?? new MemorySnapshotCache();
  const ads = new AdsServer({ cache, callbacks: options.callbacks });
  const server = new grpc.Server();
  ads.addTo(server);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${options.port ?? 0}`, grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  return {
    address: `127.0.0.1:${port}`,
    port,
    cache,
    ads,
    stop: () =>
      new Promise<void>((resolve) => {
        ads.close();
        server.tryShutdown(() => resolve());
        setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 1_000).unref();
      }),
  };
}

/** An EDS cluster fed over ADS. */
export function edsCluster(name: string): Cluster {
  return { name, type: 'EDS', eds_cluster_config: { eds_config: { ads: {}, resource_api_version: 'V3' } }, connect_timeout: { seconds: 1 }, lb_policy: 'ROUND_ROBIN' };
}

export function endpoints(clusterName: string, addresses: readonly string[]): ClusterLoadAssignment {
  return {
    cluster_name: clusterName,
    endpoints: [
      {
        lb_endpoints: addresses.map((hostPort) => {
          const [address, port] = hostPort.split(':');
          return { endpoint: { address: { socket_address: { address, port_value: Number(port) } } } };
        }),
      },
    ],
  };
}

/** A listener on `port` whose HTTP connection manager takes routes `routeName` over RDS. */
export function httpListener(name: string, port: number, routeName: string): Listener {
  const codec = envoyCodec();
  const manager = codec.pack(EXTENSION_TYPE_NAMES.httpConnectionManager, {
    stat_prefix: name,
    rds: { route_config_name: routeName, config_source: { ads: {}, resource_api_version: 'V3' } },
    http_filters: [{ name: 'envoy.filters.http.router', typed_config: codec.pack(EXTENSION_TYPE_NAMES.router, {}) }],
  });
  return {
    name,
    address: { socket_address: { address: '0.0.0.0', port_value: port } },
    filter_chains: [{ filters: [{ name: 'envoy.filters.network.http_connection_manager', typed_config: manager }] }],
  };
}

/** A route configuration sending everything for `domains` to `cluster`. */
export function simpleRoute(name: string, domains: readonly string[], cluster: string): RouteConfiguration {
  return { name, virtual_hosts: [{ name, domains: [...domains], routes: [{ match: { prefix: '/' }, route: { cluster } }] }] };
}

/** Polls `predicate` until it is truthy; throws with `what` after `timeoutMs`. */
export async function waitFor<T>(predicate: () => T | undefined | false, what: string, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

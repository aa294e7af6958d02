/**
 * @isthmus/xds — Envoy xDS v3 serving and consuming, independent of where config comes from.
 *
 * Server side (a control plane such as Pilot, or a test):
 *   const cache = new MemorySnapshotCache();
 *   const ads = new AdsServer({ cache, callbacks, logger });   // reads only the cache interface
 *   ads.addTo(grpcServer);                                      // any grpc-js Server
 *   cache.setSnapshot(nodeId, Snapshot.fromObjects({ clusters, endpoints, listeners, routes }));
 * - A Snapshot is immutable; resources are encoded once (`packCluster`/`packListener`/...) and may be shared between
 *   snapshots. Versions are content digests (per type and per snapshot), so identical config = identical versions,
 *   also across restarts.
 * - `setSnapshot` is the single write path and refuses an inconsistent snapshot (an EDS cluster without its
 *   ClusterLoadAssignment, a listener naming a missing RouteConfiguration), keeping the last good one.
 * - Streams: state of the world; per-type version + nonce; stale nonces ignored; NACK = logged + `onNack` + not
 *   resent until content changes; EDS/RDS (any type) by resource name, empty names = wildcard; push order
 *   CDS → EDS → LDS → RDS with at most one response in flight per type, and a later type waits for the earlier
 *   type's ACK (make-before-break). Snapshot changes fan out through a batched push queue.
 * - `AdsCallbacks`: onStreamOpen (publish a snapshot for the new node), onStreamClose, onResponse, onAck, onNack.
 * - `Debouncer`: merges bursts of change events into one push (quiet period + max delay, never overlapping).
 * - Delta xDS is not implemented (the RPC answers UNIMPLEMENTED).
 *
 * Client side (the proxy, tests, the benchmark):
 *   const client = new AdsClient({ address: '127.0.0.1:15010', node: { id: 'sidecar~10.0.0.1~a.ns~ns.svc.cluster.local' } });
 *   client.subscribe<Cluster__Output>(TYPE_URL.cluster, null, (update) => apply(update.resources)); // throw → NACK
 *   client.subscribe(TYPE_URL.endpoint, ['outbound|80||a.ns.svc.cluster.local'], onEndpoints);
 *   client.start();  // reconnects with backoff and resubscribes; close() stops it
 *
 * Test helpers: `@isthmus/xds/testing` (startTestAdsServer, edsCluster, endpoints, httpListener, simpleRoute, waitFor).
 */
export * from './ads-client';
export * from './ads-server';
export * from './cache';
export * from './connection';
export * from './debounce';
export * from './digest';
export * from './push-queue';
export * from './references';
export * from './resource-types';
export * from './snapshot';
export * from './sotw-stream';

/**
 * Pilot as wired by `pilot discovery`: config from a directory, ADS over real gRPC on loopback, debug endpoints.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toStruct } from '@isthmus/protos';
import type { Cluster__Output, RouteConfiguration__Output } from '@isthmus/protos';
import { AdsClient, TYPE_URL } from '@isthmus/xds';
import { waitFor } from '@isthmus/xds/testing';
import { RunningPilot, startPilot } from '../src/server';
import { configDir, getJson, pilotConfig } from './helpers';

const GATEWAY = { id: 'router~10.1.0.2~istio-ingressgateway-1.istio-system~istio-system.svc.cluster.local', metadata: toStruct({ LABELS: { istio: 'ingressgateway' } }) };

function gatewayClient(port: number, reject?: (routes: RouteConfiguration__Output[]) => string | undefined) {
  const client = new AdsClient({ address: `127.0.0.1:${port}`, node: GATEWAY as never, backoff: { initialMs: 20, maxMs: 200 } });
  const seen = { clusters: [] as string[], routes: new Map<string, RouteConfiguration__Output>() };
  client.subscribe<Cluster__Output>(TYPE_URL.cluster, null, (update) => {
    seen.clusters = update.resources.map((resource) => resource.name);
    client.setNames(TYPE_URL.endpoint, update.resources.filter((r) => r.value.type === 'EDS').map((r) => r.name));
  });
  client.subscribe(TYPE_URL.endpoint, [], () => undefined);
  client.subscribe(TYPE_URL.listener, null, () => undefined);
  client.subscribe<RouteConfiguration__Output>(TYPE_URL.route, ['https.443.https'], (update) => {
    const problem = reject?.(update.resources.map((resource) => resource.value));
    if (problem) throw new Error(problem);
    for (const resource of update.resources) seen.routes.set(resource.name, resource.value);
  });
  client.start();
  return { client, seen };
}

function weights(routes: RouteConfiguration__Output | undefined): Record<string, number> {
  const clusters = routes?.virtual_hosts[0]?.routes[0]?.route?.weighted_clusters?.clusters ?? [];
  return Object.fromEntries(clusters.map((cluster) => [cluster.name.split('|')[2], cluster.weight?.value ?? 0]));
}

jest.setTimeout(20_000);

describe('pilot discovery (config dir → ADS over gRPC)', () => {
  let pilot: RunningPilot | undefined;
  const clients: AdsClient[] = [];
  afterEach(async () => {
    clients.splice(0).forEach((client) => client.close());
    await pilot?.close();
    pilot = undefined;
  });

  it('serves a gateway its routes, follows config edits, and explains itself on the debug port', async () => {
    const dir = configDir(['00-services.yaml', '20-trader-gateway-tls.yaml', '41-trader-dr.yaml', '44-trader-vs-80-20.yaml']);
    pilot = await startPilot(pilotConfig({ configDir: dir }));
    const { client, seen } = gatewayClient(pilot.grpcPort);
    clients.push(client);
    await waitFor(() => seen.routes.get('https.443.https'), 'gateway routes');
    expect(weights(seen.routes.get('https.443.https'))).toEqual({ v1: 80, v2: 20 });
    expect(seen.clusters).toContain('outbound|9080|v2|trader-service.stock-trader.svc.cluster.local');

    // Edit the VirtualService: 100% v1 (scenario 42) replaces the 80/20 split.
    writeFileSync(join(dir, '44-trader-vs-80-20.yaml'), require('node:fs').readFileSync(join(__dirname, '../../../libs/pilot/testdata/scenarios/42-trader-vs-100-v1.yaml')));
    await waitFor(() => seen.routes.get('https.443.https')?.virtual_hosts[0]?.routes[0]?.route?.cluster === 'outbound|9080|v1|trader-service.stock-trader.svc.cluster.local', 'route change pushed', 5_000);

    const base = `http://127.0.0.1:${pilot.httpPort}`;
    await waitFor(() => client.status(TYPE_URL.route)?.acks && client.status(TYPE_URL.route)!.acks >= 2, 'ack');
    const syncz = await getJson<{ proxy: string; rds: { acked: string } }[]>(`${base}/debug/syncz`);
    expect(syncz[0].proxy).toBe(GATEWAY.id);
    expect(syncz[0].rds.acked).toBe(client.status(TYPE_URL.route)?.ackedVersion);
    const dump = await getJson<{ configs: { type: string; resources: { name: string }[] }[] }>(`${base}/debug/config_dump?proxyID=istio-ingressgateway-1.istio-system`);
    expect(dump.configs.find((config) => config.type === 'LDS')?.resources.map((resource) => resource.name)).toEqual(['0.0.0.0_443']);
    const configz = await getJson<{ kind: string }[]>(`${base}/debug/configz`);
    expect(configz.map((resource) => resource.kind).sort()).toEqual(['DestinationRule', 'Gateway', 'ServiceEntry', 'ServiceEntry', 'ServiceEntry', 'VirtualService']);
    const adsz = await getJson<{ totalClients: number }>(`${base}/debug/adsz`);
    expect(adsz.totalClients).toBe(1);
    const metrics = await (await fetch(`http://127.0.0.1:${pilot.opsPort}/metrics`)).text();
    expect(metrics).toMatch(/^pilot_xds 1$/m);
    expect(metrics).toMatch(/^pilot_xds_pushes\{type="rds"\} [2-9]/m);
    // The initial config and the edit were both fully ACKed: two convergence observations.
    expect(Number(/^pilot_proxy_convergence_time_count (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(2);
  });

  it('keeps the last good config when an edit is invalid, and counts a proxy NACK', async () => {
    const dir = configDir(['00-services.yaml', '20-trader-gateway-tls.yaml', '41-trader-dr.yaml', '44-trader-vs-80-20.yaml']);
    pilot = await startPilot(pilotConfig({ configDir: dir }));
    let rejectNext = false;
    const { client, seen } = gatewayClient(pilot.grpcPort, () => (rejectNext ? 'route rejected by test proxy' : undefined));
    clients.push(client);
    await waitFor(() => seen.routes.get('https.443.https'), 'gateway routes');
    // An invalid edit of the same VirtualService: rejected by validation, the 80/20 version stays in force.
    writeFileSync(join(dir, '44-trader-vs-80-20.yaml'), 'apiVersion: networking.istio.io/v1alpha3\nkind: VirtualService\nmetadata: {name: virtual-service-trader}\nspec:\n  hosts: ["*"]\n  gateways: [trader-gateway]\n  https: []\n');
    await waitFor(() => pilot!.discovery.pushStatus().configProblems.some((problem) => problem.severity === 'error'), 'rejection reported');
    expect(pilot.discovery.configResources().filter((resource) => resource.kind === 'VirtualService')).toHaveLength(1);
    expect(weights(seen.routes.get('https.443.https'))).toEqual({ v1: 80, v2: 20 });
    // The proxy NACKs the next route change; Pilot counts it and the proxy keeps 80/20.
    rejectNext = true;
    writeFileSync(join(dir, '44-trader-vs-80-20.yaml'), require('node:fs').readFileSync(join(__dirname, '../../../libs/pilot/testdata/scenarios/42-trader-vs-100-v1.yaml')));
    await waitFor(() => client.status(TYPE_URL.route)?.nacks === 1, 'NACK');
    const metrics = await (await fetch(`http://127.0.0.1:${pilot.opsPort}/metrics`)).text();
    expect(metrics).toMatch(/^pilot_total_xds_rejects\{type="rds"\} 1$/m);
    expect(weights(seen.routes.get('https.443.https'))).toEqual({ v1: 80, v2: 20 });
  });

  it('after a restart on the same port, clients reconnect and converge to identical versions', async () => {
    const dir = configDir(['00-services.yaml', '20-trader-gateway-tls.yaml', '41-trader-dr.yaml', '43-trader-vs-test.yaml']);
    pilot = await startPilot(pilotConfig({ configDir: dir }));
    const port = pilot.grpcPort;
    const { client, seen } = gatewayClient(port);
    clients.push(client);
    await waitFor(() => seen.routes.get('https.443.https') && client.status(TYPE_URL.endpoint)?.ackedVersion, 'initial config');
    const types = [TYPE_URL.cluster, TYPE_URL.endpoint, TYPE_URL.listener, TYPE_URL.route];
    const before = types.map((url) => client.status(url)?.ackedVersion);
    const acks = client.status(TYPE_URL.listener)!.acks;
    await pilot.close();
    await waitFor(() => !client.connected, 'disconnect');
    pilot = await startPilot(pilotConfig({ configDir: dir, grpcAddr: `127.0.0.1:${port}` }));
    await waitFor(() => client.status(TYPE_URL.listener)!.acks > acks && types.every((url) => client.status(url)?.ackedVersion), 'reconnected', 10_000);
    await waitFor(() => JSON.stringify(types.map((url) => client.status(url)?.ackedVersion)) === JSON.stringify(before), 'identical versions', 5_000);
  });
});

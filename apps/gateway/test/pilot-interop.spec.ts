import { SCENARIO_CASES, SCENARIO_PROXIES, generateScenario, type ScenarioProxy } from '@isthmus/pilot/testing';
import { envoyCodec } from '@isthmus/protos';
import type { Cluster__Output, ClusterLoadAssignment__Output, Listener__Output, RouteConfiguration__Output } from '@isthmus/protos';
import { compileCluster, compileEndpoints, compileListener, compileRouteConfiguration } from '@isthmus/proxy';
import { Snapshot, TYPE_URL } from '@isthmus/xds';

/**
 * Interop with Pilot: everything Pilot generates for the walkthrough's scenarios (sidecar and ingress gateway) must
 * compile in the proxy — nothing NACKed, nothing silently dropped. Uses Pilot's own scenario fixtures.
 */
const CASES: Record<string, readonly string[]> = { ...SCENARIO_CASES, '30-authorization': ['10', '11', '12', '30'] };

function generate(prefixes: readonly string[], kind: ScenarioProxy): Snapshot {
  return Snapshot.fromObjects(generateScenario(prefixes, kind));
}

function compileAll(snapshot: Snapshot): string[] {
  const problems: string[] = [];
  const each = <T>(url: string, compile: (value: T) => unknown) => {
    for (const resource of snapshot.get(url as typeof TYPE_URL.cluster).resources.values()) {
      const decoded = envoyCodec().unpack<T>(resource.any);
      if (!decoded.ok) problems.push(decoded.error);
      else {
        try {
          compile(decoded.value);
        } catch (error: unknown) {
          problems.push(error instanceof Error ? error.message : String(error));
        }
      }
    }
  };
  each<Cluster__Output>(TYPE_URL.cluster, compileCluster);
  each<ClusterLoadAssignment__Output>(TYPE_URL.endpoint, (value) => compileEndpoints(value, value.cluster_name));
  each<Listener__Output>(TYPE_URL.listener, compileListener);
  each<RouteConfiguration__Output>(TYPE_URL.route, compileRouteConfiguration);
  return problems;
}

describe('Pilot → proxy: every generated resource compiles', () => {
  for (const [name, prefixes] of Object.entries(CASES)) {
    for (const kind of Object.keys(SCENARIO_PROXIES) as ScenarioProxy[]) {
      it(`${name} (${kind})`, () => {
        expect(compileAll(generate(prefixes, kind))).toEqual([]);
      });
    }
  }
});

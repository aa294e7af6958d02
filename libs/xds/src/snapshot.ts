import { envoyCodec } from '@isthmus/protos';
import type { AnyMessage, Cluster, ClusterLoadAssignment, Listener, RouteConfiguration } from '@isthmus/protos';
import { digest } from './digest';
import { endpointNameOf, routeNamesOf } from './references';
import { PUSH_ORDER, TYPE_NAME, TYPE_URL, XdsTypeUrl, shortTypeName } from './resource-types';

/** One encoded xDS resource: encoded once, shared by every snapshot (and proxy) that includes it. */
export interface XdsResource {
  readonly typeUrl: XdsTypeUrl;
  readonly name: string;
  readonly any: AnyMessage;
  /** Content digest of the encoded bytes. */
  readonly hash: string;
  /** Names this resource needs from the next type in push order (EDS names for clusters, RDS names for listeners). */
  readonly references: readonly string[];
}

/** All resources of one type in a snapshot, with a version derived from their names and content. */
export interface TypeSnapshot {
  readonly typeUrl: XdsTypeUrl;
  readonly version: string;
  readonly resources: ReadonlyMap<string, XdsResource>;
}

export type ResourceObject = Cluster | ClusterLoadAssignment | Listener | RouteConfiguration;

/** Encodes a resource (validating every field) and records what it references. Throws naming the bad field. */
export function packResource(typeUrl: XdsTypeUrl, value: ResourceObject): XdsResource {
  const name = 'cluster_name' in value ? value.cluster_name : (value as Cluster | Listener | RouteConfiguration).name;
  if (!name) throw new Error(`${shortTypeName(typeUrl)} resource without a name`);
  const typeName = typeUrl.slice(typeUrl.lastIndexOf('/') + 1);
  const any = envoyCodec().pack(typeName, value);
  let references: string[] = [];
  if (typeUrl === TYPE_URL.cluster) {
    const endpoints = endpointNameOf(value as Cluster);
    references = endpoints ? [endpoints] : [];
  } else if (typeUrl === TYPE_URL.listener) {
    references = routeNamesOf(value as Listener);
  }
  return { typeUrl, name, any, hash: digest(any.value), references };
}

export const packCluster = (value: Cluster) => packResource(TYPE_URL.cluster, value);
export const packEndpoints = (value: ClusterLoadAssignment) => packResource(TYPE_URL.endpoint, value);
export const packListener = (value: Listener) => packResource(TYPE_URL.listener, value);
export const packRoute = (value: RouteConfiguration) => packResource(TYPE_URL.route, value);

export interface ConsistencyProblem {
  readonly typeUrl: XdsTypeUrl;
  readonly resource: string;
  readonly missing: string;
  readonly message: string;
}

/**
 * An immutable, versioned set of resources for one proxy (or a group of identical proxies). Build with
 * `Snapshot.of(...)`; publish through `SnapshotCache.setSnapshot`, which refuses inconsistent snapshots.
 */
export class Snapshot {
  /** Digest of the four type versions. */
  readonly version: string;

  private constructor(private readonly types: ReadonlyMap<XdsTypeUrl, TypeSnapshot>) {
    this.version = digest(...PUSH_ORDER.map((url) => this.types.get(url)?.version ?? ''));
  }

  /** Builds a snapshot from encoded resources; a duplicate name within a type is an error naming it. */
  static of(resources: Iterable<XdsResource>): Snapshot {
    const byType = new Map<XdsTypeUrl, Map<string, XdsResource>>(PUSH_ORDER.map((url) => [url, new Map()]));
    for (const resource of resources) {
      const map = byType.get(resource.typeUrl);
      if (!map) throw new Error(`unsupported type ${resource.typeUrl}`);
      if (map.has(resource.name)) throw new Error(`${shortTypeName(resource.typeUrl)}: duplicate resource name "${resource.name}"`);
      map.set(resource.name, resource);
    }
    const types = new Map<XdsTypeUrl, TypeSnapshot>();
    for (const [typeUrl, map] of byType) {
      const sorted = new Map([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      const version = digest(...[...sorted.values()].map((resource) => `${resource.name}=${resource.hash}`));
      types.set(typeUrl, { typeUrl, version, resources: sorted });
    }
    return new Snapshot(types);
  }

  /** Convenience: encodes plain resource objects (tests, small control planes). */
  static fromObjects(input: {
    clusters?: readonly Cluster[];
    endpoints?: readonly ClusterLoadAssignment[];
    listeners?: readonly Listener[];
    routes?: readonly RouteConfiguration[];
  }): Snapshot {
    return Snapshot.of([
      ...(input.clusters ?? []).map(packCluster),
      ...(input.endpoints ?? []).map(packEndpoints),
      ...(input.listeners ?? []).map(packListener),
      ...(input.routes ?? []).map(packRoute),
    ]);
  }

  get(typeUrl: XdsTypeUrl): TypeSnapshot {
    const type = this.types.get(typeUrl);
    if (!type) throw new Error(`unsupported type ${typeUrl}`);
    return type;
  }

  private problems: readonly ConsistencyProblem[] | undefined;

  /** Every EDS cluster's endpoints and every listener's route configuration are present (computed once). */
  consistent(): readonly ConsistencyProblem[] {
    this.problems ??= this.findProblems();
    return this.problems;
  }

  private findProblems(): readonly ConsistencyProblem[] {
    const problems: ConsistencyProblem[] = [];
    const check = (from: XdsTypeUrl, to: XdsTypeUrl) => {
      const targets = this.get(to).resources;
      for (const resource of this.get(from).resources.values()) {
        for (const missing of resource.references) {
          if (targets.has(missing)) continue;
          const message = `${shortTypeName(from)} ${resource.name} references ${shortTypeName(to)} ${missing}, which the snapshot lacks`;
          problems.push({ typeUrl: from, resource: resource.name, missing, message });
        }
      }
    };
    check(TYPE_URL.cluster, TYPE_URL.endpoint);
    check(TYPE_URL.listener, TYPE_URL.route);
    return problems;
  }

  /** Resource counts per type, for debug output. */
  summary(): Record<string, { version: string; count: number }> {
    const out: Record<string, { version: string; count: number }> = {};
    for (const url of PUSH_ORDER) out[shortTypeName(url)] = { version: this.get(url).version, count: this.get(url).resources.size };
    return out;
  }
}

/** Decodes every resource of a snapshot into plain objects (config_dump, tests). */
export function decodeSnapshot(snapshot: Snapshot): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const names: Record<XdsTypeUrl, string> = {
    [TYPE_URL.cluster]: TYPE_NAME.cluster,
    [TYPE_URL.endpoint]: TYPE_NAME.endpoint,
    [TYPE_URL.listener]: TYPE_NAME.listener,
    [TYPE_URL.route]: TYPE_NAME.route,
  };
  for (const url of PUSH_ORDER) {
    out[shortTypeName(url)] = [...snapshot.get(url).resources.values()].map((resource) => envoyCodec().decode(names[url], resource.any.value));
  }
  return out;
}

import type { Protocol } from './protocol';

export interface ServicePort {
  readonly name: string;
  readonly port: number;
  readonly protocol: Protocol;
}

/** How clients find a service's endpoints. */
export type Resolution = 'ClientSideLB' | 'DNSLB' | 'Passthrough';

/** A service in the mesh registry, platform neutral. */
export interface Service {
  /** FQDN (`trader.stock-trader.svc.cluster.local`) or a ServiceEntry host (`cloud.iexapis.com`, `*.example.com`). */
  readonly hostname: string;
  readonly namespace: string;
  /** Short name (Kubernetes Service name; for ServiceEntries the host). */
  readonly name: string;
  /** Cluster IP or ServiceEntry address; `0.0.0.0` when none. */
  readonly address: string;
  readonly ports: readonly ServicePort[];
  readonly resolution: Resolution;
  readonly meshExternal: boolean;
  /** Namespaces that may see it: `*` (all) or `.` (own namespace only). */
  readonly exportTo: readonly string[];
  /** SPIFFE identities expected on its endpoints (secure naming). */
  readonly serviceAccounts: readonly string[];
  /** Where it came from, for debug output: `kubernetes`, `serviceentry/<ns>/<name>`, `memory`. */
  readonly source: string;
}

/** One endpoint of a service port (Istio's ServiceInstance). */
export interface ServiceEndpoint {
  readonly hostname: string;
  /** The service port this endpoint serves. */
  readonly servicePort: number;
  readonly address: string;
  /** The port on the endpoint itself (target port). */
  readonly port: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly serviceAccount?: string;
  /** `region/zone/subzone`. */
  readonly locality?: string;
  readonly weight?: number;
  readonly network?: string;
}

export const UNSPECIFIED_ADDRESS = '0.0.0.0';

export function servicePort(service: Service, port: number): ServicePort | undefined {
  return service.ports.find((candidate) => candidate.port === port);
}

/** True when every selector label is present with the same value. */
export function labelsMatch(selector: Readonly<Record<string, string>> | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (!selector) return true;
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

import type { Server } from '@isthmus/config-model';
import type { Proxy } from '../model/proxy';
import { parseProtocol, Protocol } from '../model/protocol';
import type { DeepReadonly, GatewayEntry, PushContext } from '../push/push-context';
import { gatewaysFor } from '../push/queries';
import { gatewayRouteName } from './names';

/** One Gateway server as a router proxy serves it. */
export interface GatewayServer {
  readonly gateway: GatewayEntry;
  /** `namespace/name` of the Gateway, as VirtualServices bind to it. */
  readonly gatewayName: string;
  readonly server: DeepReadonly<Server>;
  readonly port: number;
  readonly protocol: Protocol;
  /** How the server handles traffic: HTTP routes (plain or after TLS termination), SNI passthrough, or TCP. */
  readonly mode: 'http' | 'https' | 'passthrough' | 'tcp';
  /** RDS name for http/https servers. */
  readonly routeName?: string;
}

/** Servers of every Gateway selecting this router, grouped by port in port order. */
export function gatewayServersByPort(push: PushContext, proxy: Proxy): Map<number, GatewayServer[]> {
  const byPort = new Map<number, GatewayServer[]>();
  for (const gateway of gatewaysFor(push, proxy)) {
    for (const server of gateway.spec.servers ?? []) {
      const port = server.port?.number;
      if (!port) continue;
      const protocol = parseProtocol(server.port?.protocol);
      const terminates = server.tls && server.tls.mode !== 'PASSTHROUGH' && server.tls.mode !== 'AUTO_PASSTHROUGH';
      let mode: GatewayServer['mode'];
      if (protocol === 'HTTP' || protocol === 'HTTP2' || protocol === 'GRPC' || protocol === 'GRPC-Web') mode = 'http';
      else if ((protocol === 'HTTPS' || protocol === 'TLS') && terminates) mode = protocol === 'HTTPS' ? 'https' : 'tcp';
      else if (protocol === 'HTTPS' || protocol === 'TLS') mode = 'passthrough';
      else mode = 'tcp';
      const routeName = mode === 'http' ? gatewayRouteName(port, 'http') : mode === 'https' ? gatewayRouteName(port, 'https', server.port?.name ?? '') : undefined;
      const entry: GatewayServer = { gateway, gatewayName: `${gateway.namespace}/${gateway.name}`, server, port, protocol, mode, routeName };
      byPort.set(port, [...(byPort.get(port) ?? []), entry]);
    }
  }
  return new Map([...byPort.entries()].sort(([a], [b]) => a - b));
}

/** Server hosts (`ns/host` or `host`) → does a VirtualService host from namespace `vsNamespace` fall under them? */
export function serverHostMatch(serverHosts: readonly string[], vsHost: string, vsNamespace: string, intersect: (a: string, b: string) => boolean): string | undefined {
  for (const entry of serverHosts) {
    const slash = entry.indexOf('/');
    const namespace = slash < 0 ? '*' : entry.slice(0, slash);
    const host = slash < 0 ? entry : entry.slice(slash + 1);
    if (namespace !== '*' && namespace !== '.' && namespace !== vsNamespace) continue;
    if (intersect(host, vsHost)) return host;
  }
  return undefined;
}

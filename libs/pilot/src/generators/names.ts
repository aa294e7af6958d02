/** Istio's resource names, so tools (istioctl proxy-config, dashboards) recognise them. */
export const BLACKHOLE_CLUSTER = 'BlackHoleCluster';
export const PASSTHROUGH_CLUSTER = 'PassthroughCluster';
export const INBOUND_PASSTHROUGH_CLUSTER = 'InboundPassthroughClusterIpv4';
export const VIRTUAL_OUTBOUND_LISTENER = 'virtualOutbound';
export const VIRTUAL_INBOUND_LISTENER = 'virtualInbound';
export const VIRTUAL_OUTBOUND_PORT = 15001;
export const VIRTUAL_INBOUND_PORT = 15006;

/** `outbound|<port>|<subset>|<host>`. */
export function outboundClusterName(host: string, port: number, subset = ''): string {
  return `outbound|${port}|${subset}|${host}`;
}

/** `inbound|<port>||<host>`. */
export function inboundClusterName(host: string, port: number): string {
  return `inbound|${port}||${host}`;
}

/** SNI Istio uses towards ISTIO_MUTUAL upstreams: `outbound_.<port>_.<subset>_.<host>`. */
export function istioMutualSni(host: string, port: number, subset = ''): string {
  return `outbound_.${port}_.${subset}_.${host}`;
}

export function listenerName(address: string, port: number): string {
  return `${address}_${port}`;
}

/** Gateway route configuration names: `http.<port>` and `https.<port>.<server port name>`. */
export function gatewayRouteName(port: number, protocol: 'http' | 'https', portName = ''): string {
  return protocol === 'http' ? `http.${port}` : `https.${port}.${portName}`;
}

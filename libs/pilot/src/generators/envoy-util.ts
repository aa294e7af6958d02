import { EXTENSION_TYPE_NAMES, envoyCodec } from '@isthmus/protos';
import type { AnyMessage } from '@isthmus/protos';
import { parseDuration } from '@isthmus/runtime';

export interface ProtoDuration {
  seconds: number;
  nanos: number;
}

/** `10s`, `2m`, `100ms` → google.protobuf.Duration; undefined when absent or unparsable (validation reported it). */
export function protoDuration(text: string | undefined): ProtoDuration | undefined {
  if (!text) return undefined;
  const parsed = parseDuration(text);
  if (!parsed.ok) return undefined;
  return msDuration(parsed.ms);
}

export function msDuration(ms: number): ProtoDuration {
  const seconds = Math.floor(ms / 1000);
  return { seconds, nanos: Math.round((ms - seconds * 1000) * 1e6) };
}

export function pack(typeName: string, value: object): AnyMessage {
  return envoyCodec().pack(typeName, value);
}

/** The ADS config source every dynamic resource points at. */
export const ADS_CONFIG_SOURCE = { ads: {}, resource_api_version: 'V3' } as const;

export function socketAddress(address: string, port: number) {
  return { socket_address: { address, port_value: port } };
}

export function routerFilter() {
  return { name: 'envoy.filters.http.router', typed_config: pack(EXTENSION_TYPE_NAMES.router, {}) };
}

export function tcpProxyFilter(statPrefix: string, cluster: string) {
  return { name: 'envoy.filters.network.tcp_proxy', typed_config: pack(EXTENSION_TYPE_NAMES.tcpProxy, { stat_prefix: statPrefix, cluster }) };
}

/** Percent (0-100, fractional) as Envoy's FractionalPercent per million, as Istio does. */
export function fractionalPercent(percent: number) {
  return { numerator: Math.round(percent * 10_000), denominator: 'MILLION' as const };
}

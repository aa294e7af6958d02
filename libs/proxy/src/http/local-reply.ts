/** Envoy's response flags (short form, as in access logs and Istio's response_flags label). */
export const ResponseFlag = {
  noRoute: 'NR',
  noHealthyUpstream: 'UH',
  upstreamConnectFailure: 'UF',
  upstreamOverflow: 'UO',
  upstreamRetryLimitExceeded: 'URX',
  upstreamRequestTimeout: 'UT',
  upstreamConnectionTermination: 'UC',
  upstreamRemoteReset: 'UR',
  delayInjected: 'DI',
  faultInjected: 'FI',
  noClusterFound: 'NC',
  downstreamConnectionTermination: 'DC',
  streamIdleTimeout: 'SI',
} as const;

/** Bodies of Envoy's local replies, so clients and tests see what they would see from Envoy. */
export const LocalReplyBody = {
  noHealthyUpstream: 'no healthy upstream',
  overflow: 'upstream connect error or disconnect/reset before headers. reset reason: overflow',
  connectFailure: 'upstream connect error or disconnect/reset before headers. reset reason: connection failure',
  reset: 'upstream connect error or disconnect/reset before headers. reset reason: connection termination',
  timeout: 'upstream request timeout',
  faultAbort: 'fault filter abort',
  idleTimeout: 'stream timeout',
} as const;

/** HTTP status → gRPC status for local replies to gRPC requests (Envoy's mapping). */
export function grpcStatusForHttp(status: number): number {
  switch (status) {
    case 400:
      return 13;
    case 401:
      return 16;
    case 403:
      return 7;
    case 404:
      return 12;
    case 429:
    case 502:
    case 503:
    case 504:
      return 14;
    default:
      return 2;
  }
}

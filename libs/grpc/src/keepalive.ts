import { ChannelOptions } from '@grpc/grpc-js';

/**
 * Keepalive for long-lived streams (ADS, MCP): the server pings idle connections so dead peers are noticed in
 * ~40 s, and tolerates client pings every 10 s or more.
 */
export const SERVER_KEEPALIVE_OPTIONS: ChannelOptions = {
  'grpc.keepalive_time_ms': 30_000,
  'grpc.keepalive_timeout_ms': 10_000,
  'grpc.http2.min_ping_interval_without_data_ms': 10_000,
  'grpc.keepalive_permit_without_calls': 1,
};

export const CLIENT_KEEPALIVE_OPTIONS: ChannelOptions = {
  'grpc.keepalive_time_ms': 30_000,
  'grpc.keepalive_timeout_ms': 10_000,
  'grpc.keepalive_permit_without_calls': 1,
  'grpc.max_receive_message_length': 64 * 1024 * 1024,
};

// Original file: node_modules/@grpc/grpc-js-xds/deps/envoy-api/envoy/extensions/filters/listener/tls_inspector/v3/tls_inspector.proto

import type { BoolValue as _google_protobuf_BoolValue, BoolValue__Output as _google_protobuf_BoolValue__Output } from '../../../../../../google/protobuf/BoolValue';
import type { UInt32Value as _google_protobuf_UInt32Value, UInt32Value__Output as _google_protobuf_UInt32Value__Output } from '../../../../../../google/protobuf/UInt32Value';

export interface TlsInspector {
  /**
   * Populate ``JA3`` fingerprint hash using data from the TLS Client Hello packet. Default is false.
   */
  'enable_ja3_fingerprinting'?: (_google_protobuf_BoolValue | null);
  /**
   * The size in bytes of the initial buffer requested by the tls_inspector.
   * If the filter needs to read additional bytes from the socket, the
   * filter will double the buffer up to it's default maximum of 64KiB.
   * If this size is not defined, defaults to maximum 64KiB that the
   * tls inspector will consume.
   */
  'initial_read_buffer_size'?: (_google_protobuf_UInt32Value | null);
}

export interface TlsInspector__Output {
  /**
   * Populate ``JA3`` fingerprint hash using data from the TLS Client Hello packet. Default is false.
   */
  'enable_ja3_fingerprinting': (_google_protobuf_BoolValue__Output | null);
  /**
   * The size in bytes of the initial buffer requested by the tls_inspector.
   * If the filter needs to read additional bytes from the socket, the
   * filter will double the buffer up to it's default maximum of 64KiB.
   * If this size is not defined, defaults to maximum 64KiB that the
   * tls inspector will consume.
   */
  'initial_read_buffer_size': (_google_protobuf_UInt32Value__Output | null);
}

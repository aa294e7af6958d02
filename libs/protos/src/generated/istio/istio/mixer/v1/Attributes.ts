// Original file: libs/protos/proto/istio/mixer/v1/mixer.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../../google/protobuf/Duration';
import type { Long } from '@grpc/proto-loader';

export interface _istio_mixer_v1_Attributes_AttributeValue {
  'string_value'?: (string);
  'int64_value'?: (number | string | Long);
  'double_value'?: (number | string);
  'bool_value'?: (boolean);
  'bytes_value'?: (Buffer | Uint8Array | string);
  'timestamp_value'?: (_google_protobuf_Timestamp | null);
  'duration_value'?: (_google_protobuf_Duration | null);
  'string_map_value'?: (_istio_mixer_v1_Attributes_StringMap | null);
  'value'?: "string_value"|"int64_value"|"double_value"|"bool_value"|"bytes_value"|"timestamp_value"|"duration_value"|"string_map_value";
}

export interface _istio_mixer_v1_Attributes_AttributeValue__Output {
  'string_value'?: (string);
  'int64_value'?: (string);
  'double_value'?: (number);
  'bool_value'?: (boolean);
  'bytes_value'?: (Buffer);
  'timestamp_value'?: (_google_protobuf_Timestamp__Output | null);
  'duration_value'?: (_google_protobuf_Duration__Output | null);
  'string_map_value'?: (_istio_mixer_v1_Attributes_StringMap__Output | null);
  'value'?: "string_value"|"int64_value"|"double_value"|"bool_value"|"bytes_value"|"timestamp_value"|"duration_value"|"string_map_value";
}

export interface _istio_mixer_v1_Attributes_StringMap {
  'entries'?: ({[key: string]: string});
}

export interface _istio_mixer_v1_Attributes_StringMap__Output {
  'entries': ({[key: string]: string});
}

/**
 * Uncompressed attributes, used by clients that do not compress and in tests.
 */
export interface Attributes {
  'attributes'?: ({[key: string]: _istio_mixer_v1_Attributes_AttributeValue});
}

/**
 * Uncompressed attributes, used by clients that do not compress and in tests.
 */
export interface Attributes__Output {
  'attributes': ({[key: string]: _istio_mixer_v1_Attributes_AttributeValue__Output});
}

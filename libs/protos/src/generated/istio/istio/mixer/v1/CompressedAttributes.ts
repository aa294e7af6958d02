// Original file: libs/protos/proto/istio/mixer/v1/mixer.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../../google/protobuf/Duration';
import type { StringMap as _istio_mixer_v1_StringMap, StringMap__Output as _istio_mixer_v1_StringMap__Output } from '../../../istio/mixer/v1/StringMap';
import type { Long } from '@grpc/proto-loader';

/**
 * Attributes with every name and string value replaced by an index: non-negative into the global dictionary,
 * negative (-1 - i) into `words` of this message.
 */
export interface CompressedAttributes {
  'words'?: (string)[];
  'strings'?: ({[key: number]: number});
  'int64s'?: ({[key: number]: number | string | Long});
  'doubles'?: ({[key: number]: number | string});
  'bools'?: ({[key: number]: boolean});
  'timestamps'?: ({[key: number]: _google_protobuf_Timestamp});
  'durations'?: ({[key: number]: _google_protobuf_Duration});
  'bytes'?: ({[key: number]: Buffer | Uint8Array | string});
  'string_maps'?: ({[key: number]: _istio_mixer_v1_StringMap});
}

/**
 * Attributes with every name and string value replaced by an index: non-negative into the global dictionary,
 * negative (-1 - i) into `words` of this message.
 */
export interface CompressedAttributes__Output {
  'words': (string)[];
  'strings': ({[key: number]: number});
  'int64s': ({[key: number]: string});
  'doubles': ({[key: number]: number});
  'bools': ({[key: number]: boolean});
  'timestamps': ({[key: number]: _google_protobuf_Timestamp__Output});
  'durations': ({[key: number]: _google_protobuf_Duration__Output});
  'bytes': ({[key: number]: Buffer});
  'string_maps': ({[key: number]: _istio_mixer_v1_StringMap__Output});
}

// Original file: libs/protos/proto/istio/mixer/v1/mixer.proto

import type { CompressedAttributes as _istio_mixer_v1_CompressedAttributes, CompressedAttributes__Output as _istio_mixer_v1_CompressedAttributes__Output } from '../../../istio/mixer/v1/CompressedAttributes';

// Original file: libs/protos/proto/istio/mixer/v1/mixer.proto

export const _istio_mixer_v1_ReportRequest_RepeatedAttributesSemantics = {
  /**
   * Each entry holds only the attributes that changed since the previous entry.
   */
  DELTA_ENCODING: 'DELTA_ENCODING',
  /**
   * Each entry is complete on its own.
   */
  INDEPENDENT_ENCODING: 'INDEPENDENT_ENCODING',
} as const;

export type _istio_mixer_v1_ReportRequest_RepeatedAttributesSemantics =
  /**
   * Each entry holds only the attributes that changed since the previous entry.
   */
  | 'DELTA_ENCODING'
  | 0
  /**
   * Each entry is complete on its own.
   */
  | 'INDEPENDENT_ENCODING'
  | 1

export type _istio_mixer_v1_ReportRequest_RepeatedAttributesSemantics__Output = typeof _istio_mixer_v1_ReportRequest_RepeatedAttributesSemantics[keyof typeof _istio_mixer_v1_ReportRequest_RepeatedAttributesSemantics]

export interface ReportRequest {
  'attributes'?: (_istio_mixer_v1_CompressedAttributes)[];
  'default_words'?: (string)[];
  'global_word_count'?: (number);
  'repeated_attributes_semantics'?: (_istio_mixer_v1_ReportRequest_RepeatedAttributesSemantics);
}

export interface ReportRequest__Output {
  'attributes': (_istio_mixer_v1_CompressedAttributes__Output)[];
  'default_words': (string)[];
  'global_word_count': (number);
  'repeated_attributes_semantics': (_istio_mixer_v1_ReportRequest_RepeatedAttributesSemantics__Output);
}

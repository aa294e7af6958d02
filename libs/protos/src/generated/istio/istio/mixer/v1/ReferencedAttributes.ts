// Original file: libs/protos/proto/istio/mixer/v1/mixer.proto


export interface _istio_mixer_v1_ReferencedAttributes_AttributeMatch {
  'name'?: (number);
  'condition'?: (_istio_mixer_v1_ReferencedAttributes_Condition);
  'regex'?: (string);
  'map_key'?: (number);
}

export interface _istio_mixer_v1_ReferencedAttributes_AttributeMatch__Output {
  'name': (number);
  'condition': (_istio_mixer_v1_ReferencedAttributes_Condition__Output);
  'regex': (string);
  'map_key': (number);
}

// Original file: libs/protos/proto/istio/mixer/v1/mixer.proto

export const _istio_mixer_v1_ReferencedAttributes_Condition = {
  CONDITION_UNSPECIFIED: 'CONDITION_UNSPECIFIED',
  ABSENCE: 'ABSENCE',
  EXACT: 'EXACT',
  REGEX: 'REGEX',
} as const;

export type _istio_mixer_v1_ReferencedAttributes_Condition =
  | 'CONDITION_UNSPECIFIED'
  | 0
  | 'ABSENCE'
  | 1
  | 'EXACT'
  | 2
  | 'REGEX'
  | 3

export type _istio_mixer_v1_ReferencedAttributes_Condition__Output = typeof _istio_mixer_v1_ReferencedAttributes_Condition[keyof typeof _istio_mixer_v1_ReferencedAttributes_Condition]

/**
 * The attributes a Check result depended on, so the proxy can cache it.
 */
export interface ReferencedAttributes {
  'words'?: (string)[];
  'attribute_matches'?: (_istio_mixer_v1_ReferencedAttributes_AttributeMatch)[];
}

/**
 * The attributes a Check result depended on, so the proxy can cache it.
 */
export interface ReferencedAttributes__Output {
  'words': (string)[];
  'attribute_matches': (_istio_mixer_v1_ReferencedAttributes_AttributeMatch__Output)[];
}

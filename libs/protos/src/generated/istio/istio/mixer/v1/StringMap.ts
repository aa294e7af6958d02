// Original file: libs/protos/proto/istio/mixer/v1/mixer.proto


export interface StringMap {
  'entries'?: ({[key: number]: number});
}

export interface StringMap__Output {
  'entries': ({[key: number]: number});
}

// Original file: libs/protos/proto/istio/mixer/v1/mixer.proto


export interface ReportResponse {
}

export interface ReportResponse__Output {
}

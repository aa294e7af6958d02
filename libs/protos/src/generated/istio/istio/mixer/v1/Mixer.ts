// Original file: libs/protos/proto/istio/mixer/v1/mixer.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CheckRequest as _istio_mixer_v1_CheckRequest, CheckRequest__Output as _istio_mixer_v1_CheckRequest__Output } from '../../../istio/mixer/v1/CheckRequest';
import type { CheckResponse as _istio_mixer_v1_CheckResponse, CheckResponse__Output as _istio_mixer_v1_CheckResponse__Output } from '../../../istio/mixer/v1/CheckResponse';
import type { ReportRequest as _istio_mixer_v1_ReportRequest, ReportRequest__Output as _istio_mixer_v1_ReportRequest__Output } from '../../../istio/mixer/v1/ReportRequest';
import type { ReportResponse as _istio_mixer_v1_ReportResponse, ReportResponse__Output as _istio_mixer_v1_ReportResponse__Output } from '../../../istio/mixer/v1/ReportResponse';

export interface MixerClient extends grpc.Client {
  Check(argument: _istio_mixer_v1_CheckRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_istio_mixer_v1_CheckResponse__Output>): grpc.ClientUnaryCall;
  Check(argument: _istio_mixer_v1_CheckRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_istio_mixer_v1_CheckResponse__Output>): grpc.ClientUnaryCall;
  Check(argument: _istio_mixer_v1_CheckRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_istio_mixer_v1_CheckResponse__Output>): grpc.ClientUnaryCall;
  Check(argument: _istio_mixer_v1_CheckRequest, callback: grpc.requestCallback<_istio_mixer_v1_CheckResponse__Output>): grpc.ClientUnaryCall;
  check(argument: _istio_mixer_v1_CheckRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_istio_mixer_v1_CheckResponse__Output>): grpc.ClientUnaryCall;
  check(argument: _istio_mixer_v1_CheckRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_istio_mixer_v1_CheckResponse__Output>): grpc.ClientUnaryCall;
  check(argument: _istio_mixer_v1_CheckRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_istio_mixer_v1_CheckResponse__Output>): grpc.ClientUnaryCall;
  check(argument: _istio_mixer_v1_CheckRequest, callback: grpc.requestCallback<_istio_mixer_v1_CheckResponse__Output>): grpc.ClientUnaryCall;
  
  Report(argument: _istio_mixer_v1_ReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_istio_mixer_v1_ReportResponse__Output>): grpc.ClientUnaryCall;
  Report(argument: _istio_mixer_v1_ReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_istio_mixer_v1_ReportResponse__Output>): grpc.ClientUnaryCall;
  Report(argument: _istio_mixer_v1_ReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_istio_mixer_v1_ReportResponse__Output>): grpc.ClientUnaryCall;
  Report(argument: _istio_mixer_v1_ReportRequest, callback: grpc.requestCallback<_istio_mixer_v1_ReportResponse__Output>): grpc.ClientUnaryCall;
  report(argument: _istio_mixer_v1_ReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_istio_mixer_v1_ReportResponse__Output>): grpc.ClientUnaryCall;
  report(argument: _istio_mixer_v1_ReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_istio_mixer_v1_ReportResponse__Output>): grpc.ClientUnaryCall;
  report(argument: _istio_mixer_v1_ReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_istio_mixer_v1_ReportResponse__Output>): grpc.ClientUnaryCall;
  report(argument: _istio_mixer_v1_ReportRequest, callback: grpc.requestCallback<_istio_mixer_v1_ReportResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface MixerHandlers extends grpc.UntypedServiceImplementation {
  Check: grpc.handleUnaryCall<_istio_mixer_v1_CheckRequest__Output, _istio_mixer_v1_CheckResponse>;
  
  Report: grpc.handleUnaryCall<_istio_mixer_v1_ReportRequest__Output, _istio_mixer_v1_ReportResponse>;
  
}

export interface MixerDefinition extends grpc.ServiceDefinition {
  Check: MethodDefinition<_istio_mixer_v1_CheckRequest, _istio_mixer_v1_CheckResponse, _istio_mixer_v1_CheckRequest__Output, _istio_mixer_v1_CheckResponse__Output>
  Report: MethodDefinition<_istio_mixer_v1_ReportRequest, _istio_mixer_v1_ReportResponse, _istio_mixer_v1_ReportRequest__Output, _istio_mixer_v1_ReportResponse__Output>
}

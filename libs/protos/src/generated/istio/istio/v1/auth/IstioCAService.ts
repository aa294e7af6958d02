// Original file: libs/protos/proto/istio/v1/auth/ca.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CsrRequest as _istio_v1_auth_CsrRequest, CsrRequest__Output as _istio_v1_auth_CsrRequest__Output } from '../../../istio/v1/auth/CsrRequest';
import type { CsrResponse as _istio_v1_auth_CsrResponse, CsrResponse__Output as _istio_v1_auth_CsrResponse__Output } from '../../../istio/v1/auth/CsrResponse';

/**
 * The older node-agent API.
 */
export interface IstioCAServiceClient extends grpc.Client {
  HandleCSR(argument: _istio_v1_auth_CsrRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_istio_v1_auth_CsrResponse__Output>): grpc.ClientUnaryCall;
  HandleCSR(argument: _istio_v1_auth_CsrRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_istio_v1_auth_CsrResponse__Output>): grpc.ClientUnaryCall;
  HandleCSR(argument: _istio_v1_auth_CsrRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_istio_v1_auth_CsrResponse__Output>): grpc.ClientUnaryCall;
  HandleCSR(argument: _istio_v1_auth_CsrRequest, callback: grpc.requestCallback<_istio_v1_auth_CsrResponse__Output>): grpc.ClientUnaryCall;
  handleCsr(argument: _istio_v1_auth_CsrRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_istio_v1_auth_CsrResponse__Output>): grpc.ClientUnaryCall;
  handleCsr(argument: _istio_v1_auth_CsrRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_istio_v1_auth_CsrResponse__Output>): grpc.ClientUnaryCall;
  handleCsr(argument: _istio_v1_auth_CsrRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_istio_v1_auth_CsrResponse__Output>): grpc.ClientUnaryCall;
  handleCsr(argument: _istio_v1_auth_CsrRequest, callback: grpc.requestCallback<_istio_v1_auth_CsrResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * The older node-agent API.
 */
export interface IstioCAServiceHandlers extends grpc.UntypedServiceImplementation {
  HandleCSR: grpc.handleUnaryCall<_istio_v1_auth_CsrRequest__Output, _istio_v1_auth_CsrResponse>;
  
}

export interface IstioCAServiceDefinition extends grpc.ServiceDefinition {
  HandleCSR: MethodDefinition<_istio_v1_auth_CsrRequest, _istio_v1_auth_CsrResponse, _istio_v1_auth_CsrRequest__Output, _istio_v1_auth_CsrResponse__Output>
}

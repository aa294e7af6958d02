// Original file: libs/protos/proto/istio/mcp/v1alpha1/mcp.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { RequestResources as _istio_mcp_v1alpha1_RequestResources, RequestResources__Output as _istio_mcp_v1alpha1_RequestResources__Output } from '../../../istio/mcp/v1alpha1/RequestResources';
import type { Resources as _istio_mcp_v1alpha1_Resources, Resources__Output as _istio_mcp_v1alpha1_Resources__Output } from '../../../istio/mcp/v1alpha1/Resources';

/**
 * The direction Galley serves: sinks connect to the source.
 */
export interface ResourceSourceClient extends grpc.Client {
  EstablishResourceStream(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_istio_mcp_v1alpha1_RequestResources, _istio_mcp_v1alpha1_Resources__Output>;
  EstablishResourceStream(options?: grpc.CallOptions): grpc.ClientDuplexStream<_istio_mcp_v1alpha1_RequestResources, _istio_mcp_v1alpha1_Resources__Output>;
  establishResourceStream(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_istio_mcp_v1alpha1_RequestResources, _istio_mcp_v1alpha1_Resources__Output>;
  establishResourceStream(options?: grpc.CallOptions): grpc.ClientDuplexStream<_istio_mcp_v1alpha1_RequestResources, _istio_mcp_v1alpha1_Resources__Output>;
  
}

/**
 * The direction Galley serves: sinks connect to the source.
 */
export interface ResourceSourceHandlers extends grpc.UntypedServiceImplementation {
  EstablishResourceStream: grpc.handleBidiStreamingCall<_istio_mcp_v1alpha1_RequestResources__Output, _istio_mcp_v1alpha1_Resources>;
  
}

export interface ResourceSourceDefinition extends grpc.ServiceDefinition {
  EstablishResourceStream: MethodDefinition<_istio_mcp_v1alpha1_RequestResources, _istio_mcp_v1alpha1_Resources, _istio_mcp_v1alpha1_RequestResources__Output, _istio_mcp_v1alpha1_Resources__Output>
}

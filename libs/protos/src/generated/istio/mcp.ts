import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Any as _google_protobuf_Any, Any__Output as _google_protobuf_Any__Output } from './google/protobuf/Any';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { Status as _google_rpc_Status, Status__Output as _google_rpc_Status__Output } from './google/rpc/Status';
import type { Metadata as _istio_mcp_v1alpha1_Metadata, Metadata__Output as _istio_mcp_v1alpha1_Metadata__Output } from './istio/mcp/v1alpha1/Metadata';
import type { RequestResources as _istio_mcp_v1alpha1_RequestResources, RequestResources__Output as _istio_mcp_v1alpha1_RequestResources__Output } from './istio/mcp/v1alpha1/RequestResources';
import type { Resource as _istio_mcp_v1alpha1_Resource, Resource__Output as _istio_mcp_v1alpha1_Resource__Output } from './istio/mcp/v1alpha1/Resource';
import type { ResourceSinkClient as _istio_mcp_v1alpha1_ResourceSinkClient, ResourceSinkDefinition as _istio_mcp_v1alpha1_ResourceSinkDefinition } from './istio/mcp/v1alpha1/ResourceSink';
import type { ResourceSourceClient as _istio_mcp_v1alpha1_ResourceSourceClient, ResourceSourceDefinition as _istio_mcp_v1alpha1_ResourceSourceDefinition } from './istio/mcp/v1alpha1/ResourceSource';
import type { Resources as _istio_mcp_v1alpha1_Resources, Resources__Output as _istio_mcp_v1alpha1_Resources__Output } from './istio/mcp/v1alpha1/Resources';
import type { SinkNode as _istio_mcp_v1alpha1_SinkNode, SinkNode__Output as _istio_mcp_v1alpha1_SinkNode__Output } from './istio/mcp/v1alpha1/SinkNode';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      Any: MessageTypeDefinition<_google_protobuf_Any, _google_protobuf_Any__Output>
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
    rpc: {
      Status: MessageTypeDefinition<_google_rpc_Status, _google_rpc_Status__Output>
    }
  }
  istio: {
    mcp: {
      v1alpha1: {
        Metadata: MessageTypeDefinition<_istio_mcp_v1alpha1_Metadata, _istio_mcp_v1alpha1_Metadata__Output>
        RequestResources: MessageTypeDefinition<_istio_mcp_v1alpha1_RequestResources, _istio_mcp_v1alpha1_RequestResources__Output>
        Resource: MessageTypeDefinition<_istio_mcp_v1alpha1_Resource, _istio_mcp_v1alpha1_Resource__Output>
        /**
         * The reverse direction: a source connects to a sink and pushes.
         */
        ResourceSink: SubtypeConstructor<typeof grpc.Client, _istio_mcp_v1alpha1_ResourceSinkClient> & { service: _istio_mcp_v1alpha1_ResourceSinkDefinition }
        /**
         * The direction Galley serves: sinks connect to the source.
         */
        ResourceSource: SubtypeConstructor<typeof grpc.Client, _istio_mcp_v1alpha1_ResourceSourceClient> & { service: _istio_mcp_v1alpha1_ResourceSourceDefinition }
        Resources: MessageTypeDefinition<_istio_mcp_v1alpha1_Resources, _istio_mcp_v1alpha1_Resources__Output>
        SinkNode: MessageTypeDefinition<_istio_mcp_v1alpha1_SinkNode, _istio_mcp_v1alpha1_SinkNode__Output>
      }
    }
  }
}


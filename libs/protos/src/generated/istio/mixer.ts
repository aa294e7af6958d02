import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Any as _google_protobuf_Any, Any__Output as _google_protobuf_Any__Output } from './google/protobuf/Any';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from './google/protobuf/Duration';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { Status as _google_rpc_Status, Status__Output as _google_rpc_Status__Output } from './google/rpc/Status';
import type { Attributes as _istio_mixer_v1_Attributes, Attributes__Output as _istio_mixer_v1_Attributes__Output } from './istio/mixer/v1/Attributes';
import type { CheckRequest as _istio_mixer_v1_CheckRequest, CheckRequest__Output as _istio_mixer_v1_CheckRequest__Output } from './istio/mixer/v1/CheckRequest';
import type { CheckResponse as _istio_mixer_v1_CheckResponse, CheckResponse__Output as _istio_mixer_v1_CheckResponse__Output } from './istio/mixer/v1/CheckResponse';
import type { CompressedAttributes as _istio_mixer_v1_CompressedAttributes, CompressedAttributes__Output as _istio_mixer_v1_CompressedAttributes__Output } from './istio/mixer/v1/CompressedAttributes';
import type { HeaderOperation as _istio_mixer_v1_HeaderOperation, HeaderOperation__Output as _istio_mixer_v1_HeaderOperation__Output } from './istio/mixer/v1/HeaderOperation';
import type { MixerClient as _istio_mixer_v1_MixerClient, MixerDefinition as _istio_mixer_v1_MixerDefinition } from './istio/mixer/v1/Mixer';
import type { ReferencedAttributes as _istio_mixer_v1_ReferencedAttributes, ReferencedAttributes__Output as _istio_mixer_v1_ReferencedAttributes__Output } from './istio/mixer/v1/ReferencedAttributes';
import type { ReportRequest as _istio_mixer_v1_ReportRequest, ReportRequest__Output as _istio_mixer_v1_ReportRequest__Output } from './istio/mixer/v1/ReportRequest';
import type { ReportResponse as _istio_mixer_v1_ReportResponse, ReportResponse__Output as _istio_mixer_v1_ReportResponse__Output } from './istio/mixer/v1/ReportResponse';
import type { RouteDirective as _istio_mixer_v1_RouteDirective, RouteDirective__Output as _istio_mixer_v1_RouteDirective__Output } from './istio/mixer/v1/RouteDirective';
import type { StringMap as _istio_mixer_v1_StringMap, StringMap__Output as _istio_mixer_v1_StringMap__Output } from './istio/mixer/v1/StringMap';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      Any: MessageTypeDefinition<_google_protobuf_Any, _google_protobuf_Any__Output>
      Duration: MessageTypeDefinition<_google_protobuf_Duration, _google_protobuf_Duration__Output>
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
    rpc: {
      Status: MessageTypeDefinition<_google_rpc_Status, _google_rpc_Status__Output>
    }
  }
  istio: {
    mixer: {
      v1: {
        Attributes: MessageTypeDefinition<_istio_mixer_v1_Attributes, _istio_mixer_v1_Attributes__Output>
        CheckRequest: MessageTypeDefinition<_istio_mixer_v1_CheckRequest, _istio_mixer_v1_CheckRequest__Output>
        CheckResponse: MessageTypeDefinition<_istio_mixer_v1_CheckResponse, _istio_mixer_v1_CheckResponse__Output>
        CompressedAttributes: MessageTypeDefinition<_istio_mixer_v1_CompressedAttributes, _istio_mixer_v1_CompressedAttributes__Output>
        HeaderOperation: MessageTypeDefinition<_istio_mixer_v1_HeaderOperation, _istio_mixer_v1_HeaderOperation__Output>
        Mixer: SubtypeConstructor<typeof grpc.Client, _istio_mixer_v1_MixerClient> & { service: _istio_mixer_v1_MixerDefinition }
        ReferencedAttributes: MessageTypeDefinition<_istio_mixer_v1_ReferencedAttributes, _istio_mixer_v1_ReferencedAttributes__Output>
        ReportRequest: MessageTypeDefinition<_istio_mixer_v1_ReportRequest, _istio_mixer_v1_ReportRequest__Output>
        ReportResponse: MessageTypeDefinition<_istio_mixer_v1_ReportResponse, _istio_mixer_v1_ReportResponse__Output>
        RouteDirective: MessageTypeDefinition<_istio_mixer_v1_RouteDirective, _istio_mixer_v1_RouteDirective__Output>
        StringMap: MessageTypeDefinition<_istio_mixer_v1_StringMap, _istio_mixer_v1_StringMap__Output>
      }
    }
  }
}


// Original file: libs/protos/proto/istio/mcp/v1alpha1/mcp.proto

import type { Metadata as _istio_mcp_v1alpha1_Metadata, Metadata__Output as _istio_mcp_v1alpha1_Metadata__Output } from '../../../istio/mcp/v1alpha1/Metadata';
import type { Any as _google_protobuf_Any, Any__Output as _google_protobuf_Any__Output } from '../../../google/protobuf/Any';

/**
 * A resource: metadata plus the resource body (the spec) as an Any.
 */
export interface Resource {
  'metadata'?: (_istio_mcp_v1alpha1_Metadata | null);
  'body'?: (_google_protobuf_Any | null);
}

/**
 * A resource: metadata plus the resource body (the spec) as an Any.
 */
export interface Resource__Output {
  'metadata': (_istio_mcp_v1alpha1_Metadata__Output | null);
  'body': (_google_protobuf_Any__Output | null);
}

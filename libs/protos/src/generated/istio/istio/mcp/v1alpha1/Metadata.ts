// Original file: libs/protos/proto/istio/mcp/v1alpha1/mcp.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

/**
 * Metadata of a resource: name is "namespace/name" (or "name" for cluster-scoped resources).
 */
export interface Metadata {
  'name'?: (string);
  'create_time'?: (_google_protobuf_Timestamp | null);
  /**
   * Opaque, content-derived version of this resource.
   */
  'version'?: (string);
  'labels'?: ({[key: string]: string});
  'annotations'?: ({[key: string]: string});
}

/**
 * Metadata of a resource: name is "namespace/name" (or "name" for cluster-scoped resources).
 */
export interface Metadata__Output {
  'name': (string);
  'create_time': (_google_protobuf_Timestamp__Output | null);
  /**
   * Opaque, content-derived version of this resource.
   */
  'version': (string);
  'labels': ({[key: string]: string});
  'annotations': ({[key: string]: string});
}

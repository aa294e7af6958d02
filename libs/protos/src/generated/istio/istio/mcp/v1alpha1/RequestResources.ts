// Original file: libs/protos/proto/istio/mcp/v1alpha1/mcp.proto

import type { SinkNode as _istio_mcp_v1alpha1_SinkNode, SinkNode__Output as _istio_mcp_v1alpha1_SinkNode__Output } from '../../../istio/mcp/v1alpha1/SinkNode';
import type { Status as _google_rpc_Status, Status__Output as _google_rpc_Status__Output } from '../../../google/rpc/Status';

/**
 * Sent by a sink: the first message of a collection subscribes; later ones ACK (response_nonce) or NACK
 * (response_nonce + error_detail).
 */
export interface RequestResources {
  'sink_node'?: (_istio_mcp_v1alpha1_SinkNode | null);
  'collection'?: (string);
  /**
   * Versions the sink already holds (resource name → version), enabling an incremental first response.
   */
  'initial_resource_versions'?: ({[key: string]: string});
  'response_nonce'?: (string);
  'error_detail'?: (_google_rpc_Status | null);
  'incremental'?: (boolean);
}

/**
 * Sent by a sink: the first message of a collection subscribes; later ones ACK (response_nonce) or NACK
 * (response_nonce + error_detail).
 */
export interface RequestResources__Output {
  'sink_node': (_istio_mcp_v1alpha1_SinkNode__Output | null);
  'collection': (string);
  /**
   * Versions the sink already holds (resource name → version), enabling an incremental first response.
   */
  'initial_resource_versions': ({[key: string]: string});
  'response_nonce': (string);
  'error_detail': (_google_rpc_Status__Output | null);
  'incremental': (boolean);
}

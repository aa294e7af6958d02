// Original file: libs/protos/proto/istio/mcp/v1alpha1/mcp.proto

import type { Resource as _istio_mcp_v1alpha1_Resource, Resource__Output as _istio_mcp_v1alpha1_Resource__Output } from '../../../istio/mcp/v1alpha1/Resource';

/**
 * Sent by a source: the full state of a collection, or (incremental) the changed and removed resources.
 */
export interface Resources {
  'system_version_info'?: (string);
  'collection'?: (string);
  'resources'?: (_istio_mcp_v1alpha1_Resource)[];
  'removed_resources'?: (string)[];
  'nonce'?: (string);
  'incremental'?: (boolean);
}

/**
 * Sent by a source: the full state of a collection, or (incremental) the changed and removed resources.
 */
export interface Resources__Output {
  'system_version_info': (string);
  'collection': (string);
  'resources': (_istio_mcp_v1alpha1_Resource__Output)[];
  'removed_resources': (string)[];
  'nonce': (string);
  'incremental': (boolean);
}

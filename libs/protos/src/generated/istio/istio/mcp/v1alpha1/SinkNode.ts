// Original file: libs/protos/proto/istio/mcp/v1alpha1/mcp.proto


/**
 * Identifies the sink (a Pilot or Mixer instance).
 */
export interface SinkNode {
  'id'?: (string);
  'annotations'?: ({[key: string]: string});
}

/**
 * Identifies the sink (a Pilot or Mixer instance).
 */
export interface SinkNode__Output {
  'id': (string);
  'annotations': ({[key: string]: string});
}

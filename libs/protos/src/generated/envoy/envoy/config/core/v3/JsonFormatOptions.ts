// Original file: node_modules/@grpc/grpc-js-xds/deps/envoy-api/envoy/config/core/v3/substitution_format_string.proto


/**
 * Optional configuration options to be used with json_format.
 */
export interface JsonFormatOptions {
  /**
   * The output JSON string properties will be sorted.
   */
  'sort_properties'?: (boolean);
}

/**
 * Optional configuration options to be used with json_format.
 */
export interface JsonFormatOptions__Output {
  /**
   * The output JSON string properties will be sorted.
   */
  'sort_properties': (boolean);
}

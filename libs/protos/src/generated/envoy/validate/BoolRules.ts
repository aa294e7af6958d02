// Original file: node_modules/@grpc/grpc-js-xds/deps/protoc-gen-validate/validate/validate.proto


/**
 * BoolRules describes the constraints applied to `bool` values
 */
export interface BoolRules {
  /**
   * Const specifies that this field must be exactly the specified value
   */
  'const'?: (boolean);
}

/**
 * BoolRules describes the constraints applied to `bool` values
 */
export interface BoolRules__Output {
  /**
   * Const specifies that this field must be exactly the specified value
   */
  'const': (boolean);
}

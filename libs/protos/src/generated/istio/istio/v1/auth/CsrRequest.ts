// Original file: libs/protos/proto/istio/v1/auth/ca.proto


export interface CsrRequest {
  'csr_pem'?: (Buffer | Uint8Array | string);
  'node_agent_credential'?: (Buffer | Uint8Array | string);
  'credential_type'?: (string);
  'requested_ttl_minutes'?: (number);
}

export interface CsrRequest__Output {
  'csr_pem': (Buffer);
  'node_agent_credential': (Buffer);
  'credential_type': (string);
  'requested_ttl_minutes': (number);
}

// Original file: libs/protos/proto/istio/v1/auth/ca.proto

import type { Status as _google_rpc_Status, Status__Output as _google_rpc_Status__Output } from '../../../google/rpc/Status';

export interface CsrResponse {
  'is_approved'?: (boolean);
  'status'?: (_google_rpc_Status | null);
  'signed_cert'?: (Buffer | Uint8Array | string);
  'cert_chain'?: (Buffer | Uint8Array | string);
}

export interface CsrResponse__Output {
  'is_approved': (boolean);
  'status': (_google_rpc_Status__Output | null);
  'signed_cert': (Buffer);
  'cert_chain': (Buffer);
}

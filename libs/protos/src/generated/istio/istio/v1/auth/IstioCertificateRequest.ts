// Original file: libs/protos/proto/istio/v1/auth/ca.proto

import type { Long } from '@grpc/proto-loader';

export interface IstioCertificateRequest {
  /**
   * PEM-encoded PKCS#10 certificate signing request.
   */
  'csr'?: (string);
  /**
   * Requested identity; the CA checks it against the caller's credential.
   */
  'subject_id'?: (string);
  /**
   * Requested validity in seconds; capped by the CA's maximum workload TTL.
   */
  'validity_duration'?: (number | string | Long);
}

export interface IstioCertificateRequest__Output {
  /**
   * PEM-encoded PKCS#10 certificate signing request.
   */
  'csr': (string);
  /**
   * Requested identity; the CA checks it against the caller's credential.
   */
  'subject_id': (string);
  /**
   * Requested validity in seconds; capped by the CA's maximum workload TTL.
   */
  'validity_duration': (string);
}

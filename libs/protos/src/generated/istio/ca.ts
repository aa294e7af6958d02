import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Any as _google_protobuf_Any, Any__Output as _google_protobuf_Any__Output } from './google/protobuf/Any';
import type { Status as _google_rpc_Status, Status__Output as _google_rpc_Status__Output } from './google/rpc/Status';
import type { CsrRequest as _istio_v1_auth_CsrRequest, CsrRequest__Output as _istio_v1_auth_CsrRequest__Output } from './istio/v1/auth/CsrRequest';
import type { CsrResponse as _istio_v1_auth_CsrResponse, CsrResponse__Output as _istio_v1_auth_CsrResponse__Output } from './istio/v1/auth/CsrResponse';
import type { IstioCAServiceClient as _istio_v1_auth_IstioCAServiceClient, IstioCAServiceDefinition as _istio_v1_auth_IstioCAServiceDefinition } from './istio/v1/auth/IstioCAService';
import type { IstioCertificateRequest as _istio_v1_auth_IstioCertificateRequest, IstioCertificateRequest__Output as _istio_v1_auth_IstioCertificateRequest__Output } from './istio/v1/auth/IstioCertificateRequest';
import type { IstioCertificateResponse as _istio_v1_auth_IstioCertificateResponse, IstioCertificateResponse__Output as _istio_v1_auth_IstioCertificateResponse__Output } from './istio/v1/auth/IstioCertificateResponse';
import type { IstioCertificateServiceClient as _istio_v1_auth_IstioCertificateServiceClient, IstioCertificateServiceDefinition as _istio_v1_auth_IstioCertificateServiceDefinition } from './istio/v1/auth/IstioCertificateService';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      Any: MessageTypeDefinition<_google_protobuf_Any, _google_protobuf_Any__Output>
    }
    rpc: {
      Status: MessageTypeDefinition<_google_rpc_Status, _google_rpc_Status__Output>
    }
  }
  istio: {
    v1: {
      auth: {
        CsrRequest: MessageTypeDefinition<_istio_v1_auth_CsrRequest, _istio_v1_auth_CsrRequest__Output>
        CsrResponse: MessageTypeDefinition<_istio_v1_auth_CsrResponse, _istio_v1_auth_CsrResponse__Output>
        /**
         * The older node-agent API.
         */
        IstioCAService: SubtypeConstructor<typeof grpc.Client, _istio_v1_auth_IstioCAServiceClient> & { service: _istio_v1_auth_IstioCAServiceDefinition }
        IstioCertificateRequest: MessageTypeDefinition<_istio_v1_auth_IstioCertificateRequest, _istio_v1_auth_IstioCertificateRequest__Output>
        IstioCertificateResponse: MessageTypeDefinition<_istio_v1_auth_IstioCertificateResponse, _istio_v1_auth_IstioCertificateResponse__Output>
        /**
         * The API workloads and node agents use: a PEM CSR in, a PEM chain out (leaf first, root last).
         */
        IstioCertificateService: SubtypeConstructor<typeof grpc.Client, _istio_v1_auth_IstioCertificateServiceClient> & { service: _istio_v1_auth_IstioCertificateServiceDefinition }
      }
    }
  }
}


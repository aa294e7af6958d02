import { EXTENSION_TYPE_NAMES } from '@isthmus/protos';
import type { TransportSocket } from '@isthmus/protos';
import { ISTIO_CERTS } from './cluster-policy';
import { pack } from './envoy-util';

/** Server-side mTLS with the workload certificate (inbound STRICT/PERMISSIVE). */
export function istioMutualServerTls(): TransportSocket {
  return {
    name: 'envoy.transport_sockets.tls',
    typed_config: pack(EXTENSION_TYPE_NAMES.downstreamTlsContext, {
      common_tls_context: {
        tls_certificates: [{ certificate_chain: { filename: ISTIO_CERTS.chain }, private_key: { filename: ISTIO_CERTS.key } }],
        validation_context: { trusted_ca: { filename: ISTIO_CERTS.root } },
        alpn_protocols: ['istio', 'h2', 'http/1.1'],
      },
      require_client_certificate: { value: true },
    }),
  };
}

/** Gateway TLS termination from certificate files (SIMPLE; MUTUAL also verifies clients against caCertificates). */
export function gatewayServerTls(tls: { mode?: string; serverCertificate?: string; privateKey?: string; caCertificates?: string; subjectAltNames?: readonly string[] }): TransportSocket {
  const mutual = tls.mode === 'MUTUAL';
  return {
    name: 'envoy.transport_sockets.tls',
    typed_config: pack(EXTENSION_TYPE_NAMES.downstreamTlsContext, {
      common_tls_context: {
        tls_certificates: [{ certificate_chain: { filename: tls.serverCertificate ?? '' }, private_key: { filename: tls.privateKey ?? '' } }],
        alpn_protocols: ['h2', 'http/1.1'],
        ...(mutual && tls.caCertificates
          ? {
              validation_context: {
                trusted_ca: { filename: tls.caCertificates },
                ...(tls.subjectAltNames?.length ? { match_typed_subject_alt_names: tls.subjectAltNames.map((san) => ({ san_type: 'URI', matcher: { exact: san } })) } : {}),
              },
            }
          : {}),
      },
      ...(mutual ? { require_client_certificate: { value: true } } : {}),
    }),
  };
}

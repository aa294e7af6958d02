import {
  envoyCodec,
  EXTENSION_TYPE_NAMES,
  typeNameOf,
  type CommonTlsContext__Output,
  type DownstreamTlsContext__Output,
  type TransportSocket__Output,
  type UpstreamTlsContext__Output,
} from '@isthmus/protos';
import { fail, rejectUnsupported } from './errors';
import { compileStringMatcher } from './string-matcher';
import type { DownstreamTlsConfig, SecretSource, TlsCertificateConfig, TlsValidationConfig, UpstreamTlsConfig } from './types';
import { dataSourceRef, wrapped } from './values';

const UPSTREAM_TLS_TYPE = EXTENSION_TYPE_NAMES.upstreamTlsContext;
const DOWNSTREAM_TLS_TYPE = EXTENSION_TYPE_NAMES.downstreamTlsContext;

/** Unpacks a typed_config, requiring one of the expected types; the error names the field and the type found. */
export function unpackTyped<T>(any: { type_url?: string; value?: Buffer | Uint8Array | null } | null | undefined, path: string, ...expected: string[]): T {
  if (!any) return fail(path, `typed_config is required (expected ${expected.join(' or ')})`);
  const typeName = typeNameOf(any.type_url ?? '');
  if (expected.length > 0 && !expected.includes(typeName)) fail(path, `unsupported type ${typeName || '(none)'} (expected ${expected.join(' or ')})`);
  const decoded = envoyCodec().unpack<T>(any);
  if (!decoded.ok) return fail(path, decoded.error);
  return decoded.value;
}

/** A transport_socket: TLS (by name or by its context type) is compiled, raw_buffer means plaintext, others are refused. */
function compileTransportSocket<T>(
  socket: TransportSocket__Output | null | undefined,
  path: string,
  contextType: string,
  compile: (any: Parameters<typeof unpackTyped>[0], path: string) => T,
): T | undefined {
  if (!socket) return undefined;
  if (socket.name === 'envoy.transport_sockets.tls' || socket.typed_config?.type_url.endsWith(contextType)) return compile(socket.typed_config, `${path}.typed_config`);
  if (socket.name !== 'envoy.transport_sockets.raw_buffer') fail(`${path}.name`, `transport socket ${socket.name} is not supported`);
  return undefined;
}

/** A cluster's transport_socket → upstream TLS settings, or undefined for plaintext. */
export function compileUpstreamTransportSocket(socket: TransportSocket__Output | null | undefined, path: string): UpstreamTlsConfig | undefined {
  return compileTransportSocket(socket, path, UPSTREAM_TLS_TYPE, compileUpstreamTls);
}

/** A filter chain's transport_socket → downstream TLS settings, or undefined for plaintext. */
export function compileDownstreamTransportSocket(socket: TransportSocket__Output | null | undefined, path: string): DownstreamTlsConfig | undefined {
  return compileTransportSocket(socket, path, DOWNSTREAM_TLS_TYPE, compileDownstreamTls);
}

export function compileUpstreamTls(any: Parameters<typeof unpackTyped>[0], path: string): UpstreamTlsConfig {
  const context = unpackTyped<UpstreamTlsContext__Output>(any, path, UPSTREAM_TLS_TYPE);
  rejectUnsupported(context, path, ['common_tls_context', 'sni', 'allow_renegotiation', 'max_session_keys']);
  const common = compileCommon(context.common_tls_context, `${path}.common_tls_context`);
  return { ...common, sni: context.sni };
}

export function compileDownstreamTls(any: Parameters<typeof unpackTyped>[0], path: string): DownstreamTlsConfig {
  const context = unpackTyped<DownstreamTlsContext__Output>(any, path, DOWNSTREAM_TLS_TYPE);
  rejectUnsupported(context, path, ['common_tls_context', 'require_client_certificate', 'session_timeout'], { ocsp_staple_policy: 'LENIENT_STAPLING' });
  const common = compileCommon(context.common_tls_context, `${path}.common_tls_context`);
  if (common.certificates.length === 0) fail(`${path}.common_tls_context.tls_certificates`, 'a server certificate is required');
  return { ...common, requireClientCertificate: wrapped(context.require_client_certificate, false) };
}

function compileCommon(
  common: CommonTlsContext__Output | null,
  path: string,
): { certificates: TlsCertificateConfig[]; validation?: TlsValidationConfig; alpn: string[] } {
  if (!common) return { certificates: [], alpn: [] };
  rejectUnsupported(common, path, ['tls_params', 'tls_certificates', 'validation_context', 'alpn_protocols', 'validation_context_type']);
  if (common.tls_params) {
    rejectUnsupported(common.tls_params, `${path}.tls_params`, ['tls_minimum_protocol_version', 'tls_maximum_protocol_version'], {
      tls_minimum_protocol_version: 'TLS_AUTO',
      tls_maximum_protocol_version: 'TLS_AUTO',
    });
  }
  const certificates = common.tls_certificates.map((certificate, index) => {
    const certPath = `${path}.tls_certificates[${index}]`;
    rejectUnsupported(certificate, certPath, ['certificate_chain', 'private_key']);
    const chain = dataSourceRef(certificate.certificate_chain, `${certPath}.certificate_chain`);
    const key = dataSourceRef(certificate.private_key, `${certPath}.private_key`);
    if (!chain) return fail(`${certPath}.certificate_chain`, 'is required');
    if (!key) return fail(`${certPath}.private_key`, 'is required');
    return { certificateChain: chain as SecretSource, privateKey: key as SecretSource };
  });
  let validation: TlsValidationConfig | undefined;
  const context = common.validation_context;
  if (context) {
    const contextPath = `${path}.validation_context`;
    rejectUnsupported(context, contextPath, ['trusted_ca', 'match_subject_alt_names', 'match_typed_subject_alt_names'], {
      trust_chain_verification: 'VERIFY_TRUST_CHAIN',
    });
    const matchers = [
      ...context.match_subject_alt_names.map((matcher, index) => ({ matcher, path: `${contextPath}.match_subject_alt_names[${index}]` })),
      ...context.match_typed_subject_alt_names.map((typed, index) => ({
        matcher: typed.matcher ?? {},
        path: `${contextPath}.match_typed_subject_alt_names[${index}].matcher`,
      })),
    ];
    validation = {
      trustedCa: dataSourceRef(context.trusted_ca, `${contextPath}.trusted_ca`) as SecretSource | undefined,
      subjectAltNames: matchers.map(({ matcher, path: matcherPath }) => compileStringMatcher(matcher, matcherPath)),
      subjectAltNameText: matchers.map(({ matcher }) => {
        const record = matcher as Record<string, unknown>;
        return String(record[String(record['match_pattern'])] ?? '');
      }),
    };
  }
  return { certificates, validation, alpn: common.alpn_protocols };
}

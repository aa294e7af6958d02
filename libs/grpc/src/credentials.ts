import { ChannelCredentials, credentials, experimental, ServerCredentials } from '@grpc/grpc-js';

/** PEM files of a TLS identity. Files are re-read when they change, so rotated certificates apply without restart. */
export interface TlsFiles {
  readonly certFile: string;
  readonly keyFile: string;
  /** CA bundle: verifies client certificates on a server (mTLS), or the server on a client. */
  readonly caFile?: string;
}

export interface ServerTlsOptions extends TlsFiles {
  /** mTLS: reject clients without a certificate signed by `caFile`. */
  readonly requireClientCert?: boolean;
}

/** How often certificate files are checked for changes. */
export const DEFAULT_CERT_REFRESH_MS = 5_000;

/** Plaintext when `tls` is absent, else TLS (mTLS with `caFile` + `requireClientCert`) from reloading PEM files. */
export function serverCredentials(options: { tls?: ServerTlsOptions; refreshIntervalMs?: number } = {}): ServerCredentials {
  const { tls, refreshIntervalMs = DEFAULT_CERT_REFRESH_MS } = options;
  if (!tls) return ServerCredentials.createInsecure();
  const identity = new experimental.FileWatcherCertificateProvider({
    certificateFile: tls.certFile,
    privateKeyFile: tls.keyFile,
    refreshIntervalMs,
  });
  const ca = tls.caFile ? new experimental.FileWatcherCertificateProvider({ caCertificateFile: tls.caFile, refreshIntervalMs }) : null;
  // grpc-js' factory passes its first argument on as the identity provider and its second as the CA provider.
  return experimental.createCertificateProviderServerCredentials(identity, ca, Boolean(tls.requireClientCert && ca));
}

export interface ChannelTlsOptions {
  /** CA bundle that verifies the server. */
  readonly caFile: string;
  /** Client identity for mTLS. */
  readonly certFile?: string;
  readonly keyFile?: string;
}

/** Plaintext when `tls` is absent, else TLS verifying the server with `caFile` (mTLS when a client identity is given). */
export function channelCredentials(options: { tls?: ChannelTlsOptions; refreshIntervalMs?: number } = {}): ChannelCredentials {
  const { tls, refreshIntervalMs = DEFAULT_CERT_REFRESH_MS } = options;
  if (!tls) return credentials.createInsecure();
  const ca = new experimental.FileWatcherCertificateProvider({ caCertificateFile: tls.caFile, refreshIntervalMs });
  const identity =
    tls.certFile && tls.keyFile
      ? new experimental.FileWatcherCertificateProvider({ certificateFile: tls.certFile, privateKeyFile: tls.keyFile, refreshIntervalMs })
      : null;
  return experimental.createCertificateProviderChannelCredentials(ca, identity);
}

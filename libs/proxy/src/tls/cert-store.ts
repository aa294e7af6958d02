import { readFileSync, statSync } from 'node:fs';
import { createSecureContext, type PeerCertificate, type SecureContext } from 'node:tls';
import type { DownstreamTlsConfig, SecretSource, TlsValidationConfig, UpstreamTlsConfig } from '../config/types';

/**
 * Certificate material from files or inline config. Files are re-read when their modification time changes (checked
 * at most once per `recheckMs`), so rotated certificates (Citadel secrets, gateway certificates mounted from a
 * Secret) take effect on the next handshake without a restart or a config push.
 */
export class CertStore {
  private readonly files = new Map<string, { mtimeMs: number; checkedAt: number; data: Buffer }>();
  private readonly contexts = new Map<object, { version: string; context: SecureContext }>();

  constructor(private readonly recheckMs = 1_000) {}

  read(source: SecretSource): Buffer {
    if (source.kind === 'inline') return source.data;
    const now = Date.now();
    const cached = this.files.get(source.path);
    if (cached && now - cached.checkedAt < this.recheckMs) return cached.data;
    const mtimeMs = statSync(source.path).mtimeMs;
    if (cached && cached.mtimeMs === mtimeMs) {
      cached.checkedAt = now;
      return cached.data;
    }
    const data = readFileSync(source.path);
    this.files.set(source.path, { mtimeMs, checkedAt: now, data });
    return data;
  }

  /** Version of the material behind a config: changes when any of its files changes. */
  private version(sources: readonly (SecretSource | undefined)[]): string {
    return sources.map((source) => (source ? `${this.read(source).length}:${source.kind === 'file' ? this.files.get(source.path)?.mtimeMs : 'i'}` : '-')).join('|');
  }

  /** The server-side secure context of a downstream TLS config, rebuilt when its files change. */
  serverContext(config: DownstreamTlsConfig): SecureContext {
    const certificate = config.certificates[0];
    const sources = [certificate.certificateChain, certificate.privateKey, config.validation?.trustedCa];
    const version = this.version(sources);
    const cached = this.contexts.get(config);
    if (cached && cached.version === version) return cached.context;
    const context = createSecureContext({
      cert: this.read(certificate.certificateChain),
      key: this.read(certificate.privateKey),
      ca: config.validation?.trustedCa ? this.read(config.validation.trustedCa) : undefined,
    });
    this.contexts.set(config, { version, context });
    return context;
  }

  /** Options for an upstream TLS connection: client certificate, trust, SNI and SAN verification. */
  clientOptions(config: UpstreamTlsConfig, fallbackServername: string) {
    const certificate = config.certificates[0];
    const validation = config.validation;
    return {
      cert: certificate ? this.read(certificate.certificateChain) : undefined,
      key: certificate ? this.read(certificate.privateKey) : undefined,
      ca: validation?.trustedCa ? this.read(validation.trustedCa) : undefined,
      servername: config.sni || (isIp(fallbackServername) ? undefined : fallbackServername),
      // Envoy verifies the chain only when a CA is configured, and the peer identity only through SAN matchers.
      rejectUnauthorized: Boolean(validation?.trustedCa),
      checkServerIdentity: (_host: string, cert: PeerCertificate) => verifySubjectAltNames(validation, cert),
    };
  }
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}

/** Checks the peer certificate's DNS/URI SANs against the configured matchers; undefined = accepted. */
export function verifySubjectAltNames(validation: TlsValidationConfig | undefined, cert: PeerCertificate): Error | undefined {
  if (!validation || validation.subjectAltNames.length === 0) return undefined;
  const names = (cert.subjectaltname ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .map((entry) => entry.slice(entry.indexOf(':') + 1));
  for (const name of names) for (const matches of validation.subjectAltNames) if (matches(name)) return undefined;
  return new Error(`peer certificate SANs [${names.join(', ')}] match none of [${validation.subjectAltNameText.join(', ')}]`);
}

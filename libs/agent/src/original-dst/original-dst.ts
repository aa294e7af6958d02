import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Socket } from 'node:net';
import { Logger } from '@isthmus/runtime';

/** Where a connection was going before iptables redirected it to a capture port (15001/15006). */
export interface OriginalDestination {
  readonly address: string;
  readonly port: number;
  readonly family: 4 | 6;
}

export interface OriginalDstResolver {
  /** False when the native addon could not be loaded; `unavailableReason` says why. */
  readonly available: boolean;
  readonly unavailableReason: string | undefined;
  /** The pre-redirect destination, or undefined (addon missing, not a TCP socket, or not redirected: no NAT entry). */
  originalDestination(socket: Socket): OriginalDestination | undefined;
}

export interface OriginalDstOptions {
  /** Path of original_dst.node; default: the first of ADDON_CANDIDATES that exists. */
  readonly addonPath?: string;
  readonly logger?: Logger;
}

interface NativeAddon {
  originalDst(fd: number): { address: string; port: number; family: 4 | 6 } | { errno: number; message: string };
}

const ADDON_FILE = 'original_dst.node';
const ENOENT = 2; // getsockopt(SO_ORIGINAL_DST) on a connection without a NAT entry: simply not redirected

/** Where the addon is looked for: next to a bundled app's main.js, then the source tree's build output. */
export function addonCandidates(): string[] {
  return [
    join(__dirname, ADDON_FILE),
    join(__dirname, 'native', ADDON_FILE),
    join(__dirname, '..', '..', 'native', 'build', 'Release', ADDON_FILE),
    join(process.cwd(), 'libs', 'agent', 'native', 'build', 'Release', ADDON_FILE),
  ];
}

/**
 * Loads the SO_ORIGINAL_DST addon (libs/agent/native, built by `nx run agent:build-native`). Without it the resolver
 * still works and answers undefined, logging the reason once: the local mesh runs without iptables and never needs it.
 */
export function createOriginalDstResolver(options: OriginalDstOptions = {}): OriginalDstResolver {
  const loaded = loadAddon(options.addonPath);
  const logger = options.logger;
  const reported = new Set<string>();
  const reportOnce = (key: string, message: string) => {
    if (reported.has(key)) return;
    reported.add(key);
    if (logger) logger.warn(message);
    else process.emitWarning(message, { code: 'ISTHMUS_ORIGINAL_DST' });
  };
  if ('reason' in loaded) {
    return {
      available: false,
      unavailableReason: loaded.reason,
      originalDestination: () => {
        reportOnce('unavailable', `SO_ORIGINAL_DST unavailable, redirected connections cannot be routed: ${loaded.reason}`);
        return undefined;
      },
    };
  }
  const addon = loaded.addon;
  return {
    available: true,
    unavailableReason: undefined,
    originalDestination(socket) {
      const fd = socketFd(socket);
      if (fd === undefined) return undefined;
      const result = addon.originalDst(fd);
      if ('address' in result) return { address: result.address, port: result.port, family: result.family };
      if (result.errno !== ENOENT) reportOnce(`errno:${result.errno}`, `SO_ORIGINAL_DST failed: ${result.message}`);
      return undefined;
    },
  };
}

let defaultResolver: OriginalDstResolver | undefined;

/** originalDestination with a process-wide resolver loaded on first use (the loaded addon is process-wide anyway). */
export function originalDestination(socket: Socket): OriginalDestination | undefined {
  defaultResolver ??= createOriginalDstResolver();
  return defaultResolver.originalDestination(socket);
}

function loadAddon(explicitPath: string | undefined): { addon: NativeAddon } | { reason: string } {
  if (process.platform !== 'linux') return { reason: `SO_ORIGINAL_DST is Linux-only (platform ${process.platform})` };
  const candidates = explicitPath !== undefined ? [explicitPath] : addonCandidates();
  const path = candidates.find((candidate) => existsSync(candidate));
  if (path === undefined) {
    return { reason: `native addon not built (looked for ${candidates.join(', ')}; run: npx nx run agent:build-native)` };
  }
  try {
    // dlopen rather than require: works the same under jest, tsx and an esbuild bundle.
    const module = { exports: {} as unknown };
    process.dlopen(module, path);
    const exports = module.exports as Partial<NativeAddon>;
    if (typeof exports.originalDst !== 'function') return { reason: `${path} does not export originalDst` };
    return { addon: exports as NativeAddon };
  } catch (error) {
    return { reason: `cannot load ${path}: ${(error as Error).message}` };
  }
}

/** The OS descriptor behind a net.Socket (libuv's TCP handle exposes it on Unix); undefined for non-TCP sockets. */
function socketFd(socket: Socket): number | undefined {
  const handle = (socket as unknown as { _handle?: { fd?: unknown } })._handle;
  return typeof handle?.fd === 'number' && handle.fd >= 0 ? handle.fd : undefined;
}

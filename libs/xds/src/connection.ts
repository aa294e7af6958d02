import type { Node__Output } from '@isthmus/protos';
import type { XdsTypeUrl } from './resource-types';

/** What a stream knows about one resource type it serves (for /debug/adsz, /debug/syncz and callbacks). */
export interface TypeStatus {
  readonly typeUrl: XdsTypeUrl;
  /** Requested names; null = wildcard. */
  readonly names: readonly string[] | null;
  readonly sentVersion?: string;
  readonly sentNonce?: string;
  readonly ackedVersion?: string;
  readonly nackedVersion?: string;
  readonly lastError?: string;
  readonly inFlight: boolean;
  readonly sentAt?: number;
}

/** A connected xDS client as the server and its callbacks see it. */
export interface AdsConnection {
  /** Unique per stream, e.g. `sidecar~10.0.0.1~a.ns~ns.svc.cluster.local-3`. */
  readonly id: string;
  readonly node: Node__Output;
  /** The snapshot cache key this stream reads (by default the node id). */
  readonly key: string;
  readonly peer: string;
  readonly connectedAt: number;
  status(): readonly TypeStatus[];
}

/** Hooks a control plane attaches to the ADS server (metrics, logs, snapshot generation on connect). */
export interface AdsCallbacks {
  /** A stream sent its first request; the control plane may now publish a snapshot for `connection.key`. */
  onStreamOpen?(connection: AdsConnection): void;
  onStreamClose?(connection: AdsConnection): void;
  onResponse?(connection: AdsConnection, typeUrl: XdsTypeUrl, version: string, nonce: string, resources: number): void;
  onAck?(connection: AdsConnection, typeUrl: XdsTypeUrl, version: string, nonce: string): void;
  /** The client rejected a response; it keeps its previous config and the server does not resend that version. */
  onNack?(connection: AdsConnection, typeUrl: XdsTypeUrl, version: string, nonce: string, error: string): void;
}

import type { DownstreamRequest } from './types';

/** Envoy's default per-request buffer limit for retries and mirroring. */
const BUFFER_LIMIT = 1024 * 1024;

/** Where a request body goes: an upstream HTTP/1.1 request or an HTTP/2 stream. */
export interface BodySink {
  readonly destroyed: boolean;
  /** false: wait for 'drain' before writing more. */
  write(chunk: Buffer): boolean;
  end(): void;
  once(event: 'drain', listener: () => void): unknown;
}

/**
 * The downstream request body on its way upstream. Without retries or mirrors it is passed straight through; with them
 * it is also kept (up to 1 MiB) so a retry or a mirror can replay it. Past the limit retries are off, as in Envoy.
 */
export class BodyBuffer {
  onBytes: ((count: number) => void) | undefined;
  replayable: boolean;
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private ended = false;
  private readonly sinks = new Set<BodySink>();

  constructor(
    private readonly request: DownstreamRequest,
    private readonly keep: boolean,
  ) {
    this.replayable = keep;
    if (!keep) return;
    request.on('data', (chunk: Buffer) => {
      this.onBytes?.(chunk.length);
      if (this.replayable) {
        this.size += chunk.length;
        if (this.size > BUFFER_LIMIT) {
          this.replayable = false;
          this.chunks.length = 0;
        } else this.chunks.push(chunk);
      }
      for (const sink of this.sinks) {
        if (sink.destroyed) this.sinks.delete(sink);
        else if (!sink.write(chunk)) this.waitFor(sink);
      }
    });
    request.once('end', () => {
      this.ended = true;
      for (const sink of this.sinks) if (!sink.destroyed) sink.end();
      this.sinks.clear();
    });
  }

  pipeTo(sink: BodySink): void {
    if (this.keep) {
      for (const chunk of this.chunks) sink.write(chunk);
      if (this.ended) sink.end();
      else this.sinks.add(sink);
      return;
    }
    const request = this.request;
    if (request.readableEnded) {
      sink.end();
      return;
    }
    request.on('data', (chunk: Buffer) => {
      this.onBytes?.(chunk.length);
      if (!sink.destroyed && !sink.write(chunk)) this.waitFor(sink);
    });
    request.once('end', () => {
      if (!sink.destroyed) sink.end();
    });
  }

  private waitFor(sink: BodySink): void {
    this.request.pause();
    sink.once('drain', () => this.request.resume());
  }
}

import type { Writable } from 'node:stream';
import type { DownstreamRequest } from './types';

/** Envoy's default per-request buffer limit for retries and mirroring. */
const BUFFER_LIMIT = 1024 * 1024;

/**
 * The downstream request body on its way upstream. Without retries or mirrors it is piped straight through; with them
 * it is also kept (up to 1 MiB) so a retry or a mirror can replay it. Past the limit retries are off, as in Envoy.
 */
export class BodyBuffer {
  onBytes: ((count: number) => void) | undefined;
  replayable: boolean;
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private ended = false;
  private readonly sinks = new Set<Writable>();

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
        else if (!sink.write(chunk)) {
          request.pause();
          sink.once('drain', () => request.resume());
        }
      }
    });
    request.once('end', () => {
      this.ended = true;
      for (const sink of this.sinks) if (!sink.destroyed) sink.end();
      this.sinks.clear();
    });
  }

  pipeTo(sink: Writable): void {
    if (!this.keep) {
      if (this.request.readableEnded) {
        sink.end();
        return;
      }
      if (this.onBytes) this.request.on('data', (chunk: Buffer) => this.onBytes?.(chunk.length));
      this.request.pipe(sink);
      return;
    }
    for (const chunk of this.chunks) sink.write(chunk);
    if (this.ended) sink.end();
    else this.sinks.add(sink);
  }
}

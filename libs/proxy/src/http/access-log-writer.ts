import { createWriteStream, type WriteStream } from 'node:fs';
import type { AccessLogConfig, AccessLogEntry } from '../config/types';

/** Appends access log lines to files; one buffered stream per path, shared by every listener writing to it. */
export class AccessLogWriter {
  private readonly streams = new Map<string, WriteStream | NodeJS.WritableStream>();

  write(logs: readonly AccessLogConfig[], entry: AccessLogEntry): void {
    for (const log of logs) this.stream(log.path).write(log.format(entry));
  }

  private stream(path: string): WriteStream | NodeJS.WritableStream {
    let stream = this.streams.get(path);
    if (!stream) {
      stream = path === '/dev/stdout' ? process.stdout : path === '/dev/stderr' ? process.stderr : createWriteStream(path, { flags: 'a' });
      this.streams.set(path, stream);
    }
    return stream;
  }

  close(): void {
    for (const stream of this.streams.values()) if (stream !== process.stdout && stream !== process.stderr) (stream as WriteStream).end();
    this.streams.clear();
  }
}

import { Agent, request } from 'node:http';
import { percentile } from './report';

export interface FixedRateOptions {
  readonly url: string;
  readonly rps: number;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly method: 'GET' | 'POST';
  readonly body?: string;
}

export interface LatencyResult {
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  readonly errors: number;
}

/**
 * Open-loop load at a fixed rate with latencies in microseconds (autocannon rounds to whole milliseconds, too coarse
 * for the added-latency target). Requests go out on schedule whether or not earlier ones have been answered, so a
 * slow server cannot slow the sender down (no coordinated omission); each latency runs from when its request was
 * actually sent, so the sender's own timer lateness (up to a millisecond) is not counted. Bounded by the duration.
 */
export async function fixedRate(options: FixedRateOptions): Promise<LatencyResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const target = new URL(options.url);
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const intervalNs = 1e9 / options.rps;
  const total = Math.round(options.rps * options.durationSeconds);
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  let settled = 0;
  const started = process.hrtime.bigint();
  await new Promise<void>((resolve) => {
    const settle = (sentNs: bigint, ok: boolean) => {
      if (ok) latencies.push(Number(process.hrtime.bigint() - sentNs) / 1e6);
      else errors++;
      if (++settled === total) resolve();
    };
    const tick = () => {
      const elapsed = Number(process.hrtime.bigint() - started);
      while (sent < total && sent * intervalNs <= elapsed) {
        const sentAt = process.hrtime.bigint();
        sent++;
        const outgoing = request(
          { agent, host: target.hostname, port: target.port, path: target.pathname, method: options.method, headers: body ? { 'content-length': body.length } : {} },
          (response) => {
            response.resume();
            response.once('end', () => settle(sentAt, (response.statusCode ?? 0) < 400));
          },
        );
        outgoing.once('error', () => settle(sentAt, false));
        outgoing.end(body);
      }
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  agent.destroy();
  return { p50Ms: percentile(latencies, 50), p90Ms: percentile(latencies, 90), p99Ms: percentile(latencies, 99), requests: latencies.length, errors };
}

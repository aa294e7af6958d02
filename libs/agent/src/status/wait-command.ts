import { request } from 'node:http';
import { defineCommand, intFlag, stringFlag } from '@isthmus/runtime';

export interface WaitIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/**
 * `wait`: polls the status port's /healthz/ready until the proxy is ready (exit 0) or the time is up (exit 1).
 * Beyond Istio 1.3 (later Istio's `pilot-agent wait`): run as the proxy container's postStart hook, it holds the
 * app containers' start until the proxy can carry their traffic, so apps no longer start with a dead network.
 */
export function createWaitCommand(io: WaitIo) {
  return defineCommand({
    name: 'wait',
    summary: 'Wait until the proxy reports ready on its status port (use as a postStart hook)',
    flags: {
      url: stringFlag({ name: 'url', default: 'http://127.0.0.1:15020/healthz/ready', description: 'Readiness URL to poll' }),
      timeoutSeconds: intFlag({ name: 'timeoutSeconds', default: 60, min: 1, description: 'Give up (exit 1) after this long' }),
      periodMillis: intFlag({ name: 'periodMillis', default: 500, min: 10, description: 'Time between polls' }),
      requestTimeoutMillis: intFlag({ name: 'requestTimeoutMillis', default: 500, min: 10, description: 'Timeout of one poll' }),
    },
    run: async ({ flags }) => {
      let target: URL;
      try {
        target = new URL(flags.url);
      } catch {
        io.stderr.write(`wait: invalid --url ${JSON.stringify(flags.url)}\n`);
        return 2;
      }
      const deadline = Date.now() + flags.timeoutSeconds * 1000;
      let last = 'no answer yet';
      for (let attempt = 1; ; attempt++) {
        const outcome = await poll(target, flags.requestTimeoutMillis);
        if (outcome.ready) {
          io.stdout.write(`wait: proxy ready after ${attempt} attempt(s)\n`);
          return 0;
        }
        last = outcome.detail;
        if (Date.now() + flags.periodMillis > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, flags.periodMillis));
      }
      io.stderr.write(`wait: proxy not ready after ${flags.timeoutSeconds}s (last: ${last})\n`);
      return 1;
    },
  });
}

function poll(target: URL, timeoutMs: number): Promise<{ ready: boolean; detail: string }> {
  return new Promise((resolve) => {
    const req = request(target, { method: 'GET', timeout: timeoutMs, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk.slice(0, 200)));
      response.on('end', () => resolve({ ready: response.statusCode === 200, detail: `${response.statusCode} ${body.trim()}` }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => resolve({ ready: false, detail: error.message }));
    req.end();
  });
}

export const waitCommand = createWaitCommand({ stdout: process.stdout, stderr: process.stderr });

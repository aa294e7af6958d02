import { createServer } from 'node:net';
import { runCli } from './cli';
import { Command } from './command';

export interface CapturedRun {
  readonly code: number | void;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command tree with captured output, for tests of an app's command line. */
export async function runCliCaptured(root: Command, argv: readonly string[], env: Record<string, string> = {}): Promise<CapturedRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(root, {
    argv,
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** A TCP port on 127.0.0.1 that was free a moment ago, for a child process that must be told its port up front. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

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

import { Command, CommandResult, resolveInvocation } from './command';
import { renderHelp } from './help';

export interface CliIo {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/**
 * Runs a command tree: prints help (exit 0), a one-line usage error (exit 2), or runs the command. Returns the exit
 * code for commands that finish, or undefined for servers that keep running.
 */
export async function runCli(root: Command, io: CliIo): Promise<CommandResult> {
  const invocation = resolveInvocation(root, io.argv, io.env);
  switch (invocation.kind) {
    case 'help':
      io.stdout.write(renderHelp(invocation.command, invocation.path));
      return 0;
    case 'usage-error':
      io.stderr.write(`${invocation.message}\n`);
      return 2;
    case 'run':
      return invocation.command.run?.({ flags: invocation.flags as never, args: invocation.args, path: invocation.path });
  }
}

/** Entry point for an app's main.ts: runs the CLI against the real process and exits when a command finishes. */
export function main(root: Command): void {
  runCli(root, { argv: process.argv.slice(2), env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      if (typeof code === 'number') process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${root.name}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

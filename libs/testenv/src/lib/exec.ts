import { spawn } from 'node:child_process';
import { mkdirSync, openSync, closeSync, readFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { StepError } from './errors';

export interface RunOptions {
  /** Name of the step, used in errors. */
  step: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Combined stdout/stderr go here; its tail is quoted when the command fails. */
  logFile: string;
}

/** Last `lines` lines of a text file ('' if it does not exist). */
export function tail(file: string, lines = 25): string {
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8').trimEnd().split('\n');
  return text.slice(-lines).join('\n');
}

/** Runs a command to completion; rejects with a StepError naming the step, the exit status and the log's tail. */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<void> {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const fd = openSync(options.logFile, 'w');
  return new Promise<void>((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', fd, fd],
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      closeSync(fd);
      const reason = err.code === 'ENOENT' ? `command not found: ${command}` : err.message;
      reject(new StepError(options.step, reason));
    });
    child.on('exit', (code, signal) => {
      closeSync(fd);
      if (code === 0) {
        resolvePromise();
        return;
      }
      const status = signal ? `killed by ${signal}` : `exit code ${code}`;
      reject(
        new StepError(
          options.step,
          `\`${command} ${args.join(' ')}\` failed (${status}); full log: ${options.logFile}`,
          tail(options.logFile),
        ),
      );
    });
  });
}

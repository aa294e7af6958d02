/** Reads the config files named by `-f` (files, directories walked recursively, or `-` for stdin) for validate/analyze. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigObject, ConfigProblem, formatProblems, validateText } from '@isthmus/config-model';

export interface CommandIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readStdin(): Promise<string>;
}

export const processIo: CommandIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  },
};

const CONFIG_EXTENSIONS = ['.yaml', '.yml', '.json'];

export interface ConfigInput {
  readonly file: string;
  readonly text: string;
}

export interface ReadResult {
  readonly inputs: ConfigInput[];
  /** One message per path that could not be read. */
  readonly unreadable: string[];
}

async function walk(path: string, out: string[]): Promise<void> {
  const entries = await readdir(path, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else if (CONFIG_EXTENSIONS.some((extension) => entry.name.endsWith(extension))) out.push(full);
  }
}

export async function readConfigInputs(paths: readonly string[], io: CommandIo): Promise<ReadResult> {
  const inputs: ConfigInput[] = [];
  const unreadable: string[] = [];
  for (const path of paths) {
    try {
      if (path === '-') {
        inputs.push({ file: '-', text: await io.readStdin() });
        continue;
      }
      const info = await stat(path);
      const files: string[] = [];
      if (info.isDirectory()) await walk(path, files);
      else files.push(path);
      for (const file of files) inputs.push({ file, text: await readFile(file, 'utf8') });
    } catch (error) {
      const code = (error as { code?: string }).code;
      unreadable.push(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file or directory' : error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { inputs, unreadable };
}

export interface ValidatedInputs {
  readonly objects: ConfigObject[];
  readonly problems: ConfigProblem[];
}

export function validateInputs(inputs: readonly ConfigInput[], defaultNamespace: string): ValidatedInputs {
  const objects: ConfigObject[] = [];
  const problems: ConfigProblem[] = [];
  for (const input of inputs) {
    const result = validateText(input.text, input.file, { defaultNamespace });
    objects.push(...result.objects);
    problems.push(...result.problems);
  }
  return { objects, problems };
}

/** Prints problems (text: one line each; json: one document) and returns the exit code: 2 unreadable, 1 errors, 0 ok. */
export function report(
  io: CommandIo,
  command: string,
  output: 'text' | 'json',
  read: ReadResult,
  objects: readonly ConfigObject[],
  problems: readonly ConfigProblem[],
): number {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  for (const message of read.unreadable) io.stderr.write(`istioctl ${command}: ${message}\n`);
  const code = read.unreadable.length > 0 ? 2 : errors > 0 ? 1 : 0;
  if (output === 'json') {
    io.stdout.write(`${JSON.stringify({ valid: code === 0, resources: objects.length, errors, warnings, unreadable: read.unreadable, problems }, null, 2)}\n`);
  } else {
    io.stdout.write(formatProblems(problems));
    const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    io.stderr.write(`${plural(objects.length, 'resource')} in ${plural(read.inputs.length, 'file')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`);
  }
  return code;
}

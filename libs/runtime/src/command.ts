import { FlagDefs, FlagSpec, FlagValues } from './flags';

/** A positional argument, shown in usage and help. */
export interface ArgSpec {
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
  readonly variadic?: boolean;
}

export interface CommandContext<F extends FlagDefs> {
  readonly flags: FlagValues<F>;
  readonly args: readonly string[];
  /** The command path, e.g. `['pilot', 'discovery']`, for messages. */
  readonly path: readonly string[];
}

/** Exit code, or nothing for "keep running" (servers resolve once they are wired and listening). */
export type CommandResult = number | void;

export interface Command<F extends FlagDefs = FlagDefs> {
  readonly name: string;
  readonly summary: string;
  readonly description?: string;
  readonly flags: F;
  readonly args?: readonly ArgSpec[];
  readonly subcommands?: readonly Command<FlagDefs>[];
  // Method syntax on purpose: commands with specific flag sets must fit in a `Command[]` of subcommands.
  run?(context: CommandContext<F>): Promise<CommandResult> | CommandResult;
}

/** Identity helper that keeps the flag types of a command literal. */
export function defineCommand<F extends FlagDefs>(command: Command<F>): Command<F> {
  return command;
}

export type Invocation =
  | { kind: 'run'; command: Command; path: readonly string[]; flags: Record<string, unknown>; args: string[] }
  | { kind: 'help'; command: Command; path: readonly string[] }
  | { kind: 'usage-error'; message: string };

/**
 * Resolves argv (without node and script) against a command tree: the subcommand path, flag values
 * (command line > environment > default) and positional arguments. Pure: the environment is passed in.
 */
export function resolveInvocation(root: Command, argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Invocation {
  let command: Command = root;
  const path = [root.name];
  const raw = new Map<string, string[]>();
  const args: string[] = [];
  let wantsHelp = false;

  for (let index = 0; index < argv.length; index++) {
    const token = argv[index];
    if (token === '--') {
      args.push(...argv.slice(index + 1));
      break;
    }
    if (token === '--help' || token === '-h' || token === '-help') {
      wantsHelp = true;
      continue;
    }
    if (token.startsWith('-') && token.length > 1) {
      const { name, inlineValue } = splitFlagToken(token);
      const spec = findFlag(command, name, token.startsWith('--'));
      if (!spec) return usageError(path, `unknown flag ${token.split('=')[0]}`);
      let value = inlineValue;
      if (value === undefined) {
        if (!spec.takesValue) value = 'true';
        else if (index + 1 < argv.length) value = argv[++index];
        else return usageError(path, `flag --${spec.name} needs a value (${spec.valueName})`);
      }
      raw.set(spec.name, [...(raw.get(spec.name) ?? []), value]);
      continue;
    }
    const sub = args.length === 0 ? command.subcommands?.find((candidate) => candidate.name === token) : undefined;
    if (sub) {
      command = sub;
      path.push(sub.name);
    } else {
      args.push(token);
    }
  }

  if (wantsHelp) return { kind: 'help', command, path };
  if (!command.run) {
    if (args.length > 0) return usageError(path, `unknown command "${args[0]}"`);
    return { kind: 'help', command, path };
  }
  const unknownArgsError = checkArgs(command, args);
  if (unknownArgsError) return usageError(path, unknownArgsError);

  const flags: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(command.flags)) {
    const outcome = flagValue(spec, raw.get(spec.name), env);
    if (!outcome.ok) return usageError(path, outcome.message);
    flags[key] = outcome.value;
  }
  for (const name of raw.keys()) {
    if (!Object.values(command.flags).some((spec) => spec.name === name)) {
      return usageError(path, `unknown flag --${name}`);
    }
  }
  return { kind: 'run', command, path, flags, args };
}

function splitFlagToken(token: string): { name: string; inlineValue: string | undefined } {
  const body = token.replace(/^--?/, '');
  const equals = body.indexOf('=');
  return equals < 0 ? { name: body, inlineValue: undefined } : { name: body.slice(0, equals), inlineValue: body.slice(equals + 1) };
}

/** `--name` matches long names; `-x` matches a short alias, and Go-style `-name` a long name. */
function findFlag(command: Command, name: string, isLong: boolean): FlagSpec<unknown> | undefined {
  const specs = Object.values(command.flags);
  if (!isLong) {
    const short = specs.find((spec) => spec.short === name);
    if (short) return short;
  }
  return specs.find((spec) => spec.name === name);
}

function flagValue(
  spec: FlagSpec<unknown>,
  occurrences: readonly string[] | undefined,
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const envValue = spec.env ? env[spec.env] : undefined;
  const sources: { text: string; origin: string }[] = occurrences
    ? occurrences.map((text) => ({ text, origin: `flag --${spec.name}` }))
    : envValue !== undefined
      ? [{ text: envValue, origin: `environment variable ${spec.env} (flag --${spec.name})` }]
      : [];
  if (sources.length === 0) return { ok: true, value: spec.defaultValue };
  if (!spec.repeatable && sources.length > 1) {
    return { ok: false, message: `flag --${spec.name} given ${sources.length} times; it takes one value` };
  }
  let value: unknown = spec.repeatable ? [] : spec.defaultValue;
  for (const source of sources) {
    const parsed = spec.parse(source.text, value);
    if (!parsed.ok) return { ok: false, message: `invalid value ${JSON.stringify(source.text)} for ${source.origin}: expected ${parsed.expected}` };
    value = parsed.value;
  }
  return { ok: true, value };
}

function checkArgs(command: Command, args: readonly string[]): string | undefined {
  const specs = command.args ?? [];
  const required = specs.filter((spec) => spec.required).length;
  const variadic = specs.some((spec) => spec.variadic);
  if (args.length < required) {
    return `missing argument <${specs[args.length].name}>`;
  }
  if (!variadic && args.length > specs.length) {
    return specs.length === 0 ? `unexpected argument "${args[0]}"` : `unexpected argument "${args[specs.length]}"`;
  }
  return undefined;
}

function usageError(path: readonly string[], message: string): Invocation {
  return { kind: 'usage-error', message: `${path[0]}: ${message} (see '${path.join(' ')} --help')` };
}

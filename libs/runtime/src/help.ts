import { Command } from './command';

/** Renders `--help` for a command: usage, description, subcommands, arguments, and every flag with its default. */
export function renderHelp(command: Command, path: readonly string[]): string {
  const lines: string[] = [];
  const usage = [path.join(' ')];
  if (command.subcommands?.length) usage.push('<command>');
  for (const arg of command.args ?? []) usage.push(arg.required ? `<${arg.name}>` : `[${arg.name}]${arg.variadic ? '...' : ''}`);
  if (Object.keys(command.flags).length > 0) usage.push('[flags]');
  lines.push(`Usage: ${usage.join(' ')}`, '', command.description ?? command.summary);

  if (command.subcommands?.length) {
    lines.push('', 'Commands:');
    lines.push(...table(command.subcommands.map((sub) => [sub.name, sub.summary])));
  }
  if (command.args?.length) {
    lines.push('', 'Arguments:');
    lines.push(...table(command.args.map((arg) => [arg.name, arg.description])));
  }
  const flags = Object.values(command.flags);
  if (flags.length > 0) {
    lines.push('', 'Flags:');
    lines.push(
      ...table(
        flags.map((spec) => {
          const names = `${spec.short ? `-${spec.short}, ` : '    '}--${spec.name}${spec.takesValue ? ` ${spec.valueName}` : ''}`;
          const env = spec.env ? ` [env ${spec.env}]` : '';
          return [names, `${spec.description} (default ${spec.format(spec.defaultValue)})${env}`];
        }),
      ),
    );
  }
  lines.push('', `    -h, --help  Show this help`);
  if (command.subcommands?.length) lines.push('', `Run '${path.join(' ')} <command> --help' for a command's flags.`);
  return `${lines.join('\n')}\n`;
}

function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.min(40, Math.max(...rows.map(([left]) => left.length)));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

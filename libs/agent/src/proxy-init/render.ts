import { CapturePlan, RuleStep } from './capture-rules';

export type TableTool = 'iptables' | 'ip6tables';

/** One shell line per step, as the script would run them (`|| true` on the steps whose failure it tolerates). */
export function renderCommands(steps: readonly RuleStep[]): string {
  return steps.map((step) => `${[step.tool, ...step.args].map(shellQuote).join(' ')}${step.optional ? ' || true' : ''}\n`).join('');
}

/**
 * `iptables-restore --noflush` input for one family: per table (in order of first use), the new chains declared and
 * then the rules in plan order. `includeOptional: false` leaves out best-effort steps (used to retry when a kernel
 * lacks a match such as `-m socket`, which would otherwise fail the whole atomic restore).
 */
export function renderRestore(plan: CapturePlan, tool: TableTool, options: { includeOptional?: boolean } = {}): string {
  const includeOptional = options.includeOptional ?? true;
  const tables = new Map<string, { chains: string[]; rules: string[] }>();
  for (const step of plan.steps) {
    if (step.tool !== tool || (step.optional && !includeOptional)) continue;
    const { table, command } = splitTable(step.args);
    let entry = tables.get(table);
    if (!entry) {
      entry = { chains: [], rules: [] };
      tables.set(table, entry);
    }
    if (command[0] === '-N') entry.chains.push(command[1]);
    else entry.rules.push(command.map(restoreQuote).join(' '));
  }
  let text = '';
  for (const [table, { chains, rules }] of tables) {
    text += `*${table}\n`;
    for (const chain of chains) text += `:${chain} - [0:0]\n`;
    for (const rule of rules) text += `${rule}\n`;
    text += 'COMMIT\n';
  }
  return text;
}

/** The non-iptables steps (policy routing for TPROXY, the IPv6 passthrough address), run after the restore. */
export function routeSteps(plan: CapturePlan): RuleStep[] {
  return plan.steps.filter((step) => step.tool === 'ip');
}

/** Everything a dry run shows: both restore inputs and the `ip` commands, each under a comment header. */
export function renderDryRun(plan: CapturePlan, format: 'restore' | 'commands'): string {
  if (format === 'commands') return renderCommands(plan.steps);
  const sections: string[] = [];
  for (const tool of ['iptables', 'ip6tables'] as const) {
    const restore = renderRestore(plan, tool);
    if (restore !== '') sections.push(`# ${tool}-restore --noflush\n${restore}`);
  }
  const routes = routeSteps(plan);
  if (routes.length > 0) sections.push(`# ip\n${renderCommands(routes)}`);
  return sections.join('\n');
}

function splitTable(args: readonly string[]): { table: string; command: readonly string[] } {
  if (args[0] === '-t') return { table: args[1], command: args.slice(2) };
  return { table: 'filter', command: args };
}

function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_\-./:,=@%+!]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function restoreQuote(arg: string): string {
  return /^[^\s"']+$/.test(arg) ? arg : `"${arg.replace(/"/g, '\\"')}"`;
}

import { spawn } from 'node:child_process';
import { CapturePlan, cleanupSteps, RuleStep } from './capture-rules';
import { renderRestore, routeSteps } from './render';

/** Result of running one system tool; `missing` when the binary is not installed. */
export type ToolResult = { readonly missing: true } | { readonly missing: false; readonly code: number; readonly stderr: string };

/** Runs a system tool (iptables, iptables-restore, ip, ...), optionally feeding stdin. Injected so tests can fake it. */
export type ToolRunner = (tool: string, args: readonly string[], stdin?: string) => Promise<ToolResult>;

export interface ApplyReport {
  /** Best-effort steps that failed (reported, as the script echoes them, but not fatal). */
  readonly warnings: readonly string[];
}

/** Thrown with a message meant for the operator: what failed and what to do. */
export class ApplyError extends Error {}

/**
 * Installs a plan: removes an earlier run's chains, loads each family with one atomic `*-restore --noflush`, then
 * runs the `ip` steps. IPv6 lock-down rules are best effort, as in Istio (a kernel without IPv6 must not fail the pod).
 */
export async function applyCapturePlan(plan: CapturePlan, run: ToolRunner = spawnTool): Promise<ApplyReport> {
  const warnings: string[] = [];
  for (const tool of ['iptables', 'ip6tables'] as const) {
    const restore = renderRestore(plan, tool);
    if (restore === '') continue;
    const mandatory = plan.steps.some((step) => step.tool === tool && !step.optional);
    for (const step of cleanupSteps(tool)) await run(step.tool, step.args);
    let result = await run(`${tool}-restore`, ['--noflush'], restore);
    if (result.missing) {
      if (!mandatory) {
        warnings.push(`${tool}-restore not found; skipped the ${tool} rules`);
        continue;
      }
      throw new ApplyError(`${tool}-restore not found: install iptables in the init image (Debian: apt-get install iptables)`);
    }
    if (result.code !== 0 && restore !== renderRestore(plan, tool, { includeOptional: false })) {
      // One unsupported best-effort rule (e.g. no `-m socket` in this kernel) fails the whole restore: retry without them.
      warnings.push(`${tool}-restore failed with the best-effort rules (${firstLine(result.stderr)}); retrying without them`);
      for (const step of cleanupSteps(tool)) await run(step.tool, step.args);
      result = await run(`${tool}-restore`, ['--noflush'], renderRestore(plan, tool, { includeOptional: false }));
      if (result.missing) throw new ApplyError(`${tool}-restore disappeared while running`);
    }
    if (result.code !== 0) {
      if (!mandatory) {
        warnings.push(`${tool}-restore failed: ${firstLine(result.stderr)}`);
        continue;
      }
      throw new ApplyError(`${tool}-restore failed (exit ${result.code}): ${explain(result.stderr)}`);
    }
  }
  for (const step of routeSteps(plan)) await runRouteStep(step, run, warnings);
  return { warnings };
}

async function runRouteStep(step: RuleStep, run: ToolRunner, warnings: string[]): Promise<void> {
  const result = await run(step.tool, step.args);
  const line = `ip ${step.args.join(' ')}`;
  if (result.missing) {
    if (step.optional) warnings.push(`ip not found; skipped: ${line}`);
    else throw new ApplyError(`ip not found: install iproute2 in the init image (needed for: ${line})`);
    return;
  }
  if (result.code === 0) return;
  if (step.optional) warnings.push(`${line} failed: ${firstLine(result.stderr)}`);
  else throw new ApplyError(`${line} failed (exit ${result.code}): ${explain(result.stderr)}`);
}

function explain(stderr: string): string {
  const text = firstLine(stderr);
  if (/permission denied|operation not permitted|must be root/i.test(stderr)) {
    return `${text} — the init container needs the NET_ADMIN capability (and to run as root)`;
  }
  return text;
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] || '(no message)';
}

/** The real runner: spawns the tool, collects stderr, reports a missing binary as such. */
export const spawnTool: ToolRunner = (tool, args, stdin) =>
  new Promise((resolve, reject) => {
    const child = spawn(tool, [...args], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') resolve({ missing: true });
      else reject(error);
    });
    child.on('close', (code) => resolve({ missing: false, code: code ?? 1, stderr }));
    child.stdin.on('error', () => undefined); // the tool may exit before reading everything; its exit code says why
    child.stdin.end(stdin ?? '');
  });

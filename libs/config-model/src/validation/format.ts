import { ConfigProblem } from './problems';

/** `<file>: <Kind>/<namespace>/<name>: <path>: <message>`, warnings marked; file and path omitted when unknown. */
export function formatProblem(problem: ConfigProblem): string {
  const parts: string[] = [];
  if (problem.file !== undefined) parts.push(problem.document !== undefined && problem.document > 0 ? `${problem.file}[${problem.document}]` : problem.file);
  parts.push(`${problem.kind || '<unknown kind>'}/${problem.namespace || '-'}/${problem.name || '<unnamed>'}`);
  if (problem.path !== '') parts.push(problem.path);
  parts.push(problem.severity === 'warning' ? `warning: ${problem.message}` : problem.message);
  return parts.join(': ');
}

/** One line per problem, newline-terminated (empty string for none). */
export function formatProblems(problems: readonly ConfigProblem[]): string {
  return problems.map((problem) => `${formatProblem(problem)}\n`).join('');
}

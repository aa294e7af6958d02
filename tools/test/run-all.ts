/**
 * `npm test`: lint, type-check and every project's tests; exits non-zero on any failure and ends with the summary
 * line `N passed, N failed` (tests passed; tests failed plus failed lint/type-check tasks).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const resultsFile = join(root, 'tmp', 'jest-results.json');

interface Phase {
  name: string;
  failedTasks: string[];
  ok: boolean;
}

function run(command: string, args: string[]): { status: number; output: string } {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NX_DAEMON: 'false', FORCE_COLOR: '0' } });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  process.stdout.write(output);
  return { status: result.status ?? 1, output };
}

function nxPhase(target: string): Phase {
  process.stdout.write(`\n=== ${target} ===\n`);
  const { status, output } = run('npx', ['nx', 'run-many', '-t', target, '--output-style=static', '--skip-nx-cache']);
  const failedTasks = [...output.matchAll(new RegExp(`^- (\\S+):${target}`, 'gm'))].map((match) => `${match[1]}:${target}`);
  if (status !== 0 && failedTasks.length === 0) failedTasks.push(`${target} (nx exited ${status})`);
  return { name: target, failedTasks, ok: status === 0 };
}

function jestPhase(): { passed: number; failed: number; skipped: number; ok: boolean } {
  process.stdout.write('\n=== test (jest, all projects) ===\n');
  rmSync(resultsFile, { force: true });
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const { status } = run('npx', ['jest', '--ci', '--json', `--outputFile=${resultsFile}`]);
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numRuntimeErrorTestSuites: number;
    };
    return {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests,
      ok: status === 0,
    };
  } catch {
    return { passed: 0, failed: 1, skipped: 0, ok: false };
  }
}

const phases = [nxPhase('lint'), nxPhase('typecheck')];
const tests = jestPhase();
const failedTasks = phases.flatMap((phase) => phase.failedTasks);
process.stdout.write('\n=== summary ===\n');
for (const phase of phases) process.stdout.write(`${phase.name}: ${phase.ok ? 'ok' : `FAILED (${phase.failedTasks.join(', ')})`}\n`);
process.stdout.write(`tests: ${tests.passed} passed, ${tests.failed} failed, ${tests.skipped} skipped\n`);
const failed = tests.failed + failedTasks.length + (tests.ok || tests.failed > 0 ? 0 : 1);
process.stdout.write(`${tests.passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && phases.every((phase) => phase.ok) && tests.ok ? 0 : 1);

/** Progress output of the CLI and the Jest global setup. Goes to stderr so that `testenv env` stays eval-able. */
export function info(message: string): void {
  if (process.env['ISTHMUS_TESTENV_QUIET'] === '1') return;
  process.stderr.write(`[testenv] ${message}\n`);
}

export function warn(message: string): void {
  process.stderr.write(`[testenv] WARNING: ${message}\n`);
}

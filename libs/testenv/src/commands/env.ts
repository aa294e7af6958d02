import { StepError } from '../lib/errors';
import { currentState } from '../lib/environment';
import { renderEnvFile } from '../lib/state-file';

export function envCommand(): void {
  const state = currentState();
  if (!state || state.components.length === 0) {
    throw new StepError('env', 'the test environment is not running; start it with `npm run testenv -- up`');
  }
  process.stdout.write(renderEnvFile(state));
}

/** The walkthrough's scenario files (copied from shared/scenarios), read from this package. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SCENARIO_DIR = join(__dirname, 'fixtures', 'scenarios');

/** File names, sorted; `*.invalid.yaml` ones must be rejected. */
export function scenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
}

export function readScenario(name: string): string {
  return readFileSync(join(SCENARIO_DIR, name), 'utf8');
}

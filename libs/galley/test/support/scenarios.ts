import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

export const SCENARIO_DIR = join(__dirname, '..', 'fixtures', 'scenarios');

export interface ScenarioObject {
  readonly file: string;
  readonly object: { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; [key: string]: unknown };
}

/** Every document of the scenario fixtures (copied from shared/scenarios), by file. */
export function scenarioObjects(filter: (file: string) => boolean = () => true): ScenarioObject[] {
  return readdirSync(SCENARIO_DIR)
    .filter((file) => file.endsWith('.yaml') && filter(file))
    .sort()
    .flatMap((file) =>
      parseAllDocuments(readFileSync(join(SCENARIO_DIR, file), 'utf8'))
        .map((document) => document.toJS() as ScenarioObject['object'] | null)
        .filter((object): object is ScenarioObject['object'] => object !== null)
        .map((object) => ({ file, object })),
    );
}

export const isIstio = (object: ScenarioObject['object']): boolean => object.apiVersion.includes('istio.io');

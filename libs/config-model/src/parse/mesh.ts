/** Reads the `mesh` key of ConfigMap `istio` into a defaulted MeshConfig, with problems for bad fields. */
import { parse as parseYaml } from 'yaml';
import { checkValue } from '../schema/check';
import { MeshConfigSchema, ResolvedMeshConfig, withMeshDefaults } from '../types/mesh';
import { validateMeshConfig } from '../validation/mesh';
import { ConfigProblem, ProblemCollector } from '../validation/problems';

export interface MeshConfigResult {
  readonly mesh: ResolvedMeshConfig;
  readonly problems: ConfigProblem[];
}

/** Parses mesh YAML (or `undefined` for "no ConfigMap"); invalid fields are dropped and reported, defaults fill the rest. */
export function parseMeshConfig(text: string | undefined, file = 'mesh'): MeshConfigResult {
  const collector = new ProblemCollector({ kind: 'MeshConfig', namespace: '', name: 'mesh', file });
  if (text === undefined || text.trim() === '') return { mesh: withMeshDefaults(), problems: [] };
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    collector.error('', `invalid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return { mesh: withMeshDefaults(), problems: collector.problems };
  }
  const mesh = checkValue(MeshConfigSchema, raw ?? {}, '', collector) ?? {};
  collector.seal();
  validateMeshConfig(mesh, '', collector);
  return { mesh: withMeshDefaults(mesh), problems: collector.problems };
}

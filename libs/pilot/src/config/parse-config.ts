import { parseMeshConfig, validateText } from '@isthmus/config-model';
import type { ConfigProblem, IstioResource, ResolvedMeshConfig } from '@isthmus/config-model';
import { resourceKey } from './config-set';

export interface ParsedConfig {
  readonly resources: IstioResource[];
  /** Keys (`kind/ns/name`) of Istio resources rejected by validation. */
  readonly rejected: Set<string>;
  /** The mesh config from a ConfigMap `istio` (key `mesh`), when the text contained one. */
  readonly mesh?: ResolvedMeshConfig;
  readonly problems: ConfigProblem[];
}

/** Parses and validates one file's text; non-Istio objects are ignored except the mesh ConfigMap. */
export function parseConfigText(text: string, file: string, defaultNamespace: string): ParsedConfig {
  const result = validateText(text, file, { defaultNamespace });
  const resources: IstioResource[] = [];
  const rejected = new Set<string>();
  const problems = [...result.problems];
  let mesh: ResolvedMeshConfig | undefined;
  for (const object of result.objects) {
    if (object.kind === 'ConfigMap' && object.name === 'istio') {
      const data = object.raw['data'] as Record<string, unknown> | undefined;
      const parsed = parseMeshConfig(typeof data?.['mesh'] === 'string' ? data['mesh'] : undefined, file);
      mesh = parsed.mesh;
      problems.push(...parsed.problems);
      continue;
    }
    if (!object.resource) continue;
    const errors = result.problems.filter(
      (problem) => problem.severity === 'error' && problem.kind === object.kind && problem.name === object.name && problem.namespace === object.namespace,
    );
    if (errors.length > 0) rejected.add(resourceKey(object.resource));
    else resources.push(object.resource);
  }
  return { resources, rejected, mesh, problems };
}

import { FSWatcher, readdirSync, readFileSync, statSync, watch } from 'node:fs';
import { join } from 'node:path';
import { withMeshDefaults } from '@isthmus/config-model';
import type { ConfigProblem, IstioResource, ResolvedMeshConfig } from '@isthmus/config-model';
import type { Logger } from '@isthmus/runtime';
import { keepLastGood, ObservableConfigSource, resourceKey } from './config-set';
import { parseConfigText } from './parse-config';

export interface FileConfigSourceOptions {
  readonly dir: string;
  /** Namespace for resources that name none (kubectl's current namespace). */
  readonly defaultNamespace?: string;
  /** Mesh config from `--meshConfig`; a ConfigMap `istio` in the directory overrides it. */
  readonly mesh?: ResolvedMeshConfig;
  readonly logger?: Logger;
  /** Reload after files stopped changing for this long. */
  readonly debounceMs?: number;
  readonly watch?: boolean;
}

const CONFIG_FILE = /\.(ya?ml|json)$/;

/** `--configDir`: every YAML/JSON file under a directory (recursively), reloaded on change. */
export class FileConfigSource extends ObservableConfigSource {
  readonly name = 'file';
  private lastGood = new Map<string, IstioResource>();
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: FileConfigSourceOptions) {
    super(options.mesh ?? withMeshDefaults());
  }

  async start(): Promise<void> {
    this.reload();
    if (this.options.watch ?? true) {
      this.watcher = watch(this.options.dir, { recursive: true }, () => this.scheduleReload());
      this.watcher.on('error', (error) => this.options.logger?.warn({ err: error }, 'config directory watch failed'));
    }
  }

  async close(): Promise<void> {
    this.watcher?.close();
    if (this.timer) clearTimeout(this.timer);
  }

  /** Re-reads the directory now (also used by tests). */
  reload(): void {
    const resources: IstioResource[] = [];
    const rejected = new Set<string>();
    const problems: ConfigProblem[] = [];
    let mesh = this.options.mesh ?? withMeshDefaults();
    for (const file of listFiles(this.options.dir)) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error: unknown) {
        problems.push({ kind: '', namespace: '', name: '', path: '', message: `cannot read: ${String(error)}`, severity: 'error', file });
        continue;
      }
      const parsed = parseConfigText(text, file, this.options.defaultNamespace ?? 'default');
      resources.push(...parsed.resources);
      parsed.rejected.forEach((key) => rejected.add(key));
      problems.push(...parsed.problems);
      if (parsed.mesh) mesh = parsed.mesh;
    }
    const merged = keepLastGood(dedupe(resources, problems), rejected, this.lastGood);
    this.lastGood = new Map(merged.map((resource) => [resourceKey(resource), resource]));
    for (const problem of problems.filter((p) => p.severity === 'error')) {
      this.options.logger?.warn({ file: problem.file, kind: problem.kind, resource: `${problem.namespace}/${problem.name}`, path: problem.path }, `config rejected: ${problem.message}`);
    }
    this.state = { resources: merged, mesh, problems };
    this.notify();
  }

  private scheduleReload(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.reload(), this.options.debounceMs ?? 100);
  }
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (entry.startsWith('.')) continue;
    const path = join(dir, entry);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) out.push(...listFiles(path));
    else if (stat?.isFile() && CONFIG_FILE.test(entry)) out.push(path);
  }
  return out;
}

/** Two files defining the same resource: the later file (in path order) wins, and the conflict is reported. */
function dedupe(resources: IstioResource[], problems: ConfigProblem[]): IstioResource[] {
  const byKey = new Map<string, IstioResource>();
  for (const resource of resources) {
    const key = resourceKey(resource);
    if (byKey.has(key)) {
      problems.push({ kind: resource.kind, namespace: resource.metadata.namespace ?? '', name: resource.metadata.name, path: '', message: 'defined more than once; the last definition wins', severity: 'warning' });
    }
    byKey.set(key, resource);
  }
  return [...byKey.values()];
}

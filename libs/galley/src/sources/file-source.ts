import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@isthmus/runtime';
import type { ConfigSchemaPort, ConfigSource, RawResource } from '../model';
import { parseConfigFile, type FileProblem } from './file-parse';

export interface FileSourceOptions {
  /** Directory read recursively for *.yaml, *.yml and *.json. */
  readonly dir: string;
  readonly schema: ConfigSchemaPort;
  readonly logger: Logger;
  /** Rescan interval, a fallback for file systems whose change events are unreliable. */
  readonly pollMs?: number;
  /** Delay between a change event and the rescan, so an editor's several writes read as one. */
  readonly settleMs?: number;
}

interface FileState {
  readonly stamp: string;
  readonly resources: readonly RawResource[];
  readonly problems: readonly FileProblem[];
}

const CONFIG_FILE = /\.(ya?ml|json)$/i;

/**
 * Config from a directory of files (local mode). A file that fails to parse keeps the resources it had before and
 * is reported; a file removed takes its resources with it.
 */
export class FileSource implements ConfigSource {
  readonly name: string;
  private readonly files = new Map<string, FileState>();
  private readonly listeners: (() => void)[] = [];
  private watcher: FSWatcher | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private settleTimer: NodeJS.Timeout | undefined;
  private scanning: Promise<void> | undefined;
  private rescanRequested = false;
  private synced = false;

  constructor(private readonly options: FileSourceOptions) {
    this.name = `files:${options.dir}`;
  }

  async start(): Promise<void> {
    await this.scan();
    this.synced = true;
    try {
      this.watcher = watch(this.options.dir, { recursive: true }, () => this.scheduleScan());
      this.watcher.on('error', (error) => this.options.logger.warn({ err: error }, 'file watch failed; polling only'));
    } catch (error: unknown) {
      this.options.logger.warn({ err: error }, 'file watch unavailable; polling only');
    }
    this.pollTimer = setInterval(() => this.scheduleScan(0), this.options.pollMs ?? 2000);
    this.pollTimer.unref();
  }

  async stop(): Promise<void> {
    this.watcher?.close();
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.settleTimer) clearTimeout(this.settleTimer);
    await this.scanning;
  }

  hasSynced(): boolean {
    return this.synced;
  }

  resources(): Iterable<RawResource> {
    return [...this.files.keys()].sort().flatMap((file) => this.files.get(file)?.resources ?? []);
  }

  /** Current problems: files that failed to parse (their previous resources still count) and skipped documents. */
  problems(): FileProblem[] {
    return [...this.files.values()].flatMap((state) => state.problems);
  }

  details(): { problems: FileProblem[] } {
    return { problems: this.problems() };
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Rescans now (tests, or a SIGHUP-style trigger); resolves when the rescan is done. */
  rescan(): Promise<void> {
    return this.scan();
  }

  private scheduleScan(delay = this.options.settleMs ?? 50): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => void this.scan(), delay);
  }

  private scan(): Promise<void> {
    if (this.scanning) {
      this.rescanRequested = true;
      return this.scanning;
    }
    this.scanning = this.scanOnce()
      .catch((error: unknown) =>
        this.options.logger.error({ err: error, dir: this.options.dir }, 'config directory scan failed'),
      )
      .finally(() => {
        this.scanning = undefined;
        if (this.rescanRequested) {
          this.rescanRequested = false;
          void this.scan();
        }
      });
    return this.scanning;
  }

  private async scanOnce(): Promise<void> {
    const present = await listFiles(this.options.dir);
    let changed = false;
    for (const file of this.files.keys()) {
      if (!present.includes(file)) {
        this.files.delete(file);
        changed = true;
      }
    }
    for (const file of present) {
      const info = await stat(file).catch(() => undefined);
      if (!info) continue;
      const stamp = `${info.mtimeMs}:${info.ctimeMs}:${info.size}`;
      const previous = this.files.get(file);
      if (previous?.stamp === stamp) continue;
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      const parsed = parseConfigFile(file, text, this.options.schema);
      if (parsed.ok) {
        this.files.set(file, { stamp, resources: parsed.resources, problems: parsed.problems });
        for (const problem of parsed.problems) this.options.logger.warn(problem, 'config document skipped');
      } else {
        this.files.set(file, { stamp, resources: previous?.resources ?? [], problems: [parsed.problem] });
        this.options.logger.error(parsed.problem, 'config file rejected; keeping its previous resources');
      }
      changed = true;
    }
    if (changed) for (const listener of this.listeners) listener();
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && CONFIG_FILE.test(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

/** Structured validation problems and the collector validators report into. */
export type Severity = 'error' | 'warning';

export interface ConfigProblem {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** Field path such as `spec.http[0].route[1].weight`; empty for the whole document. */
  readonly path: string;
  readonly message: string;
  readonly severity: Severity;
  /** Where the document came from, when parsed from a file (`-` for stdin). */
  readonly file?: string;
  /** 0-based index of the document in a multi-document file. */
  readonly document?: number;
}

export interface ResourceRef {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly file?: string;
  readonly document?: number;
}

/** What a validator reports into: one method per severity, paths built by the caller. */
export interface Reporter {
  error(path: string, message: string): void;
  warning(path: string, message: string): void;
}

/**
 * Collects problems for one resource. Once a path has a structural error, later (semantic) reports at that path or
 * below are dropped, so a mistyped field yields one message, not a cascade.
 */
export class ProblemCollector implements Reporter {
  readonly problems: ConfigProblem[] = [];
  private readonly failedPaths = new Set<string>();
  private sealed = false;

  constructor(private ref: ResourceRef) {}

  setRef(ref: ResourceRef): void {
    this.ref = ref;
  }

  /** After structural checks: paths with errors so far suppress later reports beneath them. */
  seal(): void {
    this.sealed = true;
  }

  error(path: string, message: string): void {
    if (this.sealed && this.suppressed(path)) return;
    if (!this.sealed) this.failedPaths.add(path);
    this.problems.push(this.make(path, message, 'error'));
  }

  warning(path: string, message: string): void {
    if (this.sealed && this.suppressed(path)) return;
    this.problems.push(this.make(path, message, 'warning'));
  }

  get hasErrors(): boolean {
    return this.problems.some((problem) => problem.severity === 'error');
  }

  private suppressed(path: string): boolean {
    if (this.failedPaths.size === 0) return false;
    for (const failed of this.failedPaths) {
      if (path === failed || path.startsWith(`${failed}.`) || path.startsWith(`${failed}[`)) return true;
    }
    return false;
  }

  private make(path: string, message: string, severity: Severity): ConfigProblem {
    const { kind, namespace, name, file, document } = this.ref;
    return {
      kind,
      namespace,
      name,
      path,
      message,
      severity,
      ...(file !== undefined ? { file } : {}),
      ...(document !== undefined ? { document } : {}),
    };
  }
}

export function hasErrors(problems: readonly ConfigProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** Joins a parent path and a field name: `spec` + `http` → `spec.http`. */
export function child(path: string, field: string): string {
  return path === '' ? field : `${path}.${field}`;
}

/** `spec.http` + 0 → `spec.http[0]`. */
export function item(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** `spec.headers` + `x-user` → `spec.headers["x-user"]` (bare when the key is a plain identifier). */
export function key(path: string, name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? child(path, name) : `${path}[${JSON.stringify(name)}]`;
}

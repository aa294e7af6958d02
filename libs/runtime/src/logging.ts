import pino, { DestinationStream, Level, Logger } from 'pino';

export type { Logger } from 'pino';

const LEVELS: readonly Level[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

/** Istio's `--log_output_level` syntax: `default:info,ads:debug` (a bare `debug` sets the default scope). */
export function parseLogLevels(spec: string): { ok: true; levels: ReadonlyMap<string, Level> } | { ok: false; error: string } {
  const levels = new Map<string, Level>();
  for (const part of spec.split(',').map((item) => item.trim()).filter(Boolean)) {
    const [scope, level] = part.includes(':') ? part.split(':', 2) : ['default', part];
    const normalized = (level === 'warning' ? 'warn' : level) as Level;
    if (!LEVELS.includes(normalized)) {
      return { ok: false, error: `unknown log level "${level}" for scope "${scope}" (expected ${LEVELS.join(', ')})` };
    }
    levels.set(scope, normalized);
  }
  return { ok: true, levels };
}

/** Structured JSON logs with a level per scope; every line carries the component and scope. */
export class LogScopes {
  readonly root: Logger;
  private readonly scopes = new Map<string, Logger>();

  constructor(
    component: string,
    private readonly levels: ReadonlyMap<string, Level>,
    destination?: DestinationStream,
  ) {
    const options = { name: component, level: levels.get('default') ?? 'info', base: { component } };
    this.root = destination ? pino(options, destination) : pino(options);
  }

  /** The logger of a named scope (`ads`, `mcp`, `webhook`...), created once. */
  scope(name: string): Logger {
    let logger = this.scopes.get(name);
    if (!logger) {
      logger = this.root.child({ scope: name });
      logger.level = this.levels.get(name) ?? this.root.level;
      this.scopes.set(name, logger);
    }
    return logger;
  }

  /** Changes a scope's level at run time (the `/logging` style endpoints). */
  setLevel(scope: string, level: Level): void {
    if (scope === 'default') this.root.level = level;
    this.scope(scope).level = level;
  }
}

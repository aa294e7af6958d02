import { Logger } from './logging';
import { Readiness } from './readiness';

export type ShutdownHook = () => Promise<void> | void;

export interface ShutdownOptions {
  readonly logger: Logger;
  readonly readiness: Readiness;
  /** Time to keep serving while not-ready, so load balancers stop sending new work before servers close. */
  readonly drainMs: number;
  /** Hard limit for the whole shutdown; past it the process exits with code 1. */
  readonly deadlineMs: number;
  readonly exit: (code: number) => void;
}

/**
 * Graceful shutdown on SIGTERM/SIGINT: readiness goes false, a drain period passes, then hooks run in reverse order of
 * registration (servers close before what they depend on) within a deadline. A second signal exits at once.
 */
export class ShutdownCoordinator {
  private readonly hooks: { name: string; hook: ShutdownHook }[] = [];
  private shuttingDown: Promise<void> | undefined;

  constructor(private readonly options: ShutdownOptions) {}

  onShutdown(name: string, hook: ShutdownHook): void {
    this.hooks.push({ name, hook });
  }

  listen(target: Pick<NodeJS.Process, 'on'>): void {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      target.on(signal, () => {
        if (this.shuttingDown) {
          this.options.logger.warn({ signal }, 'second signal: exiting now');
          this.options.exit(1);
          return;
        }
        void this.shutdown(signal);
      });
    }
  }

  shutdown(reason: string): Promise<void> {
    this.shuttingDown ??= this.run(reason);
    return this.shuttingDown;
  }

  private async run(reason: string): Promise<void> {
    const { logger, readiness, drainMs, deadlineMs, exit } = this.options;
    logger.info({ reason, drainMs, deadlineMs }, 'shutting down');
    readiness.drain(`shutting down (${reason})`);
    const deadline = setTimeout(() => {
      logger.error({ deadlineMs }, 'shutdown deadline passed: exiting');
      exit(1);
    }, deadlineMs);
    deadline.unref();
    await new Promise((resolve) => setTimeout(resolve, drainMs));
    let failed = false;
    for (const { name, hook } of [...this.hooks].reverse()) {
      try {
        await hook();
      } catch (error: unknown) {
        failed = true;
        logger.error({ err: error, hook: name }, 'shutdown hook failed');
      }
    }
    clearTimeout(deadline);
    logger.info('shutdown complete');
    exit(failed ? 1 : 0);
  }
}

/** A failure of one named step (build, download, start, health check); the CLI prints `step: reason` and exits non-zero. */
export class StepError extends Error {
  constructor(
    readonly step: string,
    readonly reason: string,
    readonly details?: string,
  ) {
    super(`${step}: ${reason}`);
    this.name = 'StepError';
  }
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A named readiness check: returns undefined when ready, or the reason it is not. */
export type ReadinessCheck = () => string | undefined;

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: readonly { name: string; ready: boolean; reason?: string }[];
}

/** `/ready` is the conjunction of registered checks; draining forces not-ready so load balancers move away first. */
export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();
  private drainingReason: string | undefined;

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  /** A check that becomes ready once `markReady` is called, e.g. after an initial sync. */
  gate(name: string, reason: string): { markReady(): void } {
    let ready = false;
    this.register(name, () => (ready ? undefined : reason));
    return { markReady: () => (ready = true) };
  }

  drain(reason: string): void {
    this.drainingReason = reason;
  }

  report(): ReadinessReport {
    const checks = [...this.checks].map(([name, check]) => {
      const reason = check();
      return reason === undefined ? { name, ready: true } : { name, ready: false, reason };
    });
    if (this.drainingReason) checks.push({ name: 'shutdown', ready: false, reason: this.drainingReason });
    return { ready: checks.every((check) => check.ready), checks };
  }
}

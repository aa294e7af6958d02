import type { OutlierDetectionConfig } from '../config/types';
import type { Stat } from '../stats/stats-store';
import type { Host } from './host';

export interface OutlierStats {
  readonly ejectionsActive: Stat;
  readonly ejectionsTotal: Stat;
  readonly ejectionsEnforcedTotal: Stat;
  readonly ejectionsConsecutive5xx: Stat;
  readonly ejectionsConsecutiveGatewayFailure: Stat;
  readonly ejectionsOverflow: Stat;
}

/**
 * Passive health checking as Envoy does it: consecutive 5xx (any 5xx, connect failures and resets count) and
 * consecutive gateway failures (502/503/504, connect failures); an ejected host comes back after
 * base_ejection_time × (times ejected), capped by max_ejection_time; at most max_ejection_percent of hosts are out.
 */
export class OutlierDetector {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: OutlierDetectionConfig,
    private readonly hosts: () => readonly Host[],
    private readonly stats: OutlierStats,
    private readonly onChange: () => void,
  ) {
    this.timer = setInterval(() => this.sweep(), config.intervalMs);
    this.timer.unref();
  }

  /** Records the outcome of one request to `host`: an HTTP status, or 0 for a connect failure / reset / timeout. */
  record(host: Host, status: number): void {
    if (status > 0 && status < 500) {
      host.consecutive5xx = 0;
      host.consecutiveGatewayFailures = 0;
      return;
    }
    host.consecutive5xx++;
    const gatewayFailure = status === 0 || status === 502 || status === 503 || status === 504;
    host.consecutiveGatewayFailures = gatewayFailure ? host.consecutiveGatewayFailures + 1 : 0;
    if (host.ejected) return;
    if (host.consecutiveGatewayFailures >= this.config.consecutiveGatewayFailure && this.config.enforcingConsecutiveGatewayFailure > 0) {
      this.eject(host, this.config.enforcingConsecutiveGatewayFailure, this.stats.ejectionsConsecutiveGatewayFailure);
    } else if (host.consecutive5xx >= this.config.consecutive5xx) {
      this.eject(host, this.config.enforcingConsecutive5xx, this.stats.ejectionsConsecutive5xx);
    }
  }

  private eject(host: Host, enforcingPercent: number, reason: Stat): void {
    reason.value++;
    if (Math.random() * 100 >= enforcingPercent) return;
    const all = this.hosts();
    const ejected = all.filter((candidate) => candidate.ejected).length;
    // Envoy always allows ejecting one host, whatever the percentage.
    if (ejected > 0 && ((ejected + 1) / all.length) * 100 > this.config.maxEjectionPercent) {
      this.stats.ejectionsOverflow.value++;
      return;
    }
    host.ejected = true;
    host.ejectionCount++;
    const duration = Math.min(this.config.baseEjectionTimeMs * host.ejectionCount, this.config.maxEjectionTimeMs);
    host.ejectedUntil = Date.now() + duration;
    host.consecutive5xx = 0;
    host.consecutiveGatewayFailures = 0;
    this.stats.ejectionsActive.value++;
    this.stats.ejectionsTotal.value++;
    this.stats.ejectionsEnforcedTotal.value++;
    this.onChange();
  }

  /** Brings back hosts whose ejection time has passed; runs every `interval`. */
  sweep(now = Date.now()): void {
    let changed = false;
    for (const host of this.hosts()) {
      if (host.ejected && now >= host.ejectedUntil) {
        host.ejected = false;
        this.stats.ejectionsActive.value--;
        changed = true;
      } else if (!host.ejected && host.ejectionCount > 0 && now - host.ejectedUntil > this.config.baseEjectionTimeMs) {
        // A host that stayed healthy for a while has its ejection multiplier decay, as in Envoy.
        host.ejectionCount--;
      }
    }
    if (changed) this.onChange();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

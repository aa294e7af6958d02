/** One upstream endpoint with its live state (active requests, outlier-detection bookkeeping). */
export class Host {
  readonly key: string;
  activeRequests = 0;
  consecutive5xx = 0;
  consecutiveGatewayFailures = 0;
  ejected = false;
  ejectionCount = 0;
  ejectedUntil = 0;

  constructor(
    readonly address: string,
    readonly port: number,
    readonly weight: number,
    public healthy: boolean,
    readonly priority: number,
  ) {
    this.key = address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
  }

  get available(): boolean {
    return this.healthy && !this.ejected;
  }
}

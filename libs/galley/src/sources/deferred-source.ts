import type { ConfigSource, RawResource } from '../model';

/** A source created when it starts: lets a costly module (the Kubernetes client) load only when that source runs. */
export class DeferredSource implements ConfigSource {
  private source: ConfigSource | undefined;
  private readonly listeners: (() => void)[] = [];

  constructor(
    readonly name: string,
    private readonly create: () => Promise<ConfigSource>,
  ) {}

  async start(): Promise<void> {
    this.source = await this.create();
    for (const listener of this.listeners) this.source.onChange(listener);
    await this.source.start();
  }

  async stop(): Promise<void> {
    await this.source?.stop();
  }

  resources(): Iterable<RawResource> {
    return this.source?.resources() ?? [];
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
    this.source?.onChange(listener);
  }

  hasSynced(): boolean {
    return this.source?.hasSynced() ?? false;
  }

  details(): Record<string, unknown> {
    return this.source?.details?.() ?? {};
  }
}

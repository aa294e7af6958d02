import { sendUnaryData, ServerUnaryCall, ServerWritableStream, status as GrpcStatus, UntypedServiceImplementation } from '@grpc/grpc-js';
import type { HealthCheckRequest__Output, HealthCheckResponse } from '@isthmus/protos';

export type ServingStatus = 'SERVING' | 'NOT_SERVING';

/**
 * The standard grpc.health.v1 service: status per service name ("" is the whole server); Watch streams every change.
 */
export class HealthService {
  private readonly statuses = new Map<string, ServingStatus>([['', 'SERVING']]);
  private readonly watchers = new Set<{ service: string; call: ServerWritableStream<HealthCheckRequest__Output, HealthCheckResponse> }>();

  setStatus(service: string, status: ServingStatus): void {
    this.statuses.set(service, status);
    for (const watcher of this.watchers) if (watcher.service === service) watcher.call.write({ status });
  }

  /** Marks every service NOT_SERVING, e.g. when draining before shutdown. */
  setAllNotServing(): void {
    for (const service of this.statuses.keys()) this.setStatus(service, 'NOT_SERVING');
  }

  implementation(): UntypedServiceImplementation {
    return {
      Check: (call: ServerUnaryCall<HealthCheckRequest__Output, HealthCheckResponse>, callback: sendUnaryData<HealthCheckResponse>) => {
        const status = this.statuses.get(call.request.service);
        if (!status) callback({ code: GrpcStatus.NOT_FOUND, details: `unknown service "${call.request.service}"` });
        else callback(null, { status });
      },
      Watch: (call: ServerWritableStream<HealthCheckRequest__Output, HealthCheckResponse>) => {
        const watcher = { service: call.request.service, call };
        this.watchers.add(watcher);
        call.write({ status: this.statuses.get(call.request.service) ?? 'SERVICE_UNKNOWN' });
        call.on('cancelled', () => this.watchers.delete(watcher));
        call.on('close', () => this.watchers.delete(watcher));
      },
    };
  }

  /** Ends open Watch streams (at shutdown, so the server can close). */
  close(): void {
    for (const watcher of this.watchers) watcher.call.end();
    this.watchers.clear();
  }
}

import { Server, ServerCredentials, ServiceDefinition, UntypedServiceImplementation } from '@grpc/grpc-js';
import { istioGrpc } from '@isthmus/protos';
import { Logger, Registry } from '@isthmus/runtime';
import { grpcBindTarget } from './address';
import { HealthService } from './health';
import { observabilityInterceptor } from './interceptors';
import { SERVER_KEEPALIVE_OPTIONS } from './keepalive';

export interface GrpcServerOptions {
  readonly logger: Logger;
  readonly registry: Registry;
}

/**
 * A grpc-js server with the pieces every Isthmus gRPC API shares: keepalive, metrics/logging interceptor, and the
 * grpc.health.v1 service (per-service status follows `addService`).
 */
export class GrpcServer {
  readonly health = new HealthService();
  private readonly server: Server;
  private readonly logger: Logger;

  constructor(options: GrpcServerOptions) {
    this.logger = options.logger;
    this.server = new Server({ ...SERVER_KEEPALIVE_OPTIONS, interceptors: [observabilityInterceptor(options.registry, options.logger)] });
    this.server.addService(istioGrpc().grpc.health.v1.Health.service, this.health.implementation());
  }

  addService(name: string, definition: ServiceDefinition, implementation: UntypedServiceImplementation): void {
    this.server.addService(definition, implementation);
    this.health.setStatus(name, 'SERVING');
  }

  /** Binds an address such as `:15010` or `tcp://127.0.0.1:0`; resolves with the bound port. */
  listen(address: string, credentials: ServerCredentials): Promise<number> {
    const target = grpcBindTarget(address);
    return new Promise((resolve, reject) => {
      this.server.bindAsync(target, credentials, (error, port) => {
        if (error) {
          reject(new Error(`cannot listen on ${target}: ${error.message}`));
          return;
        }
        this.logger.info({ address: target, port }, 'gRPC server listening');
        resolve(port);
      });
    });
  }

  /** Stops accepting calls, lets in-flight calls finish for up to `graceMs`, then cancels the rest. */
  shutdown(graceMs: number): Promise<void> {
    this.health.setAllNotServing();
    this.health.close();
    return new Promise((resolve) => {
      const force = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, graceMs);
      force.unref();
      this.server.tryShutdown(() => {
        clearTimeout(force);
        resolve();
      });
    });
  }
}

import { ServerInterceptingCall, ServerInterceptor, status as GrpcStatus } from '@grpc/grpc-js';
import { Counter, Histogram, Logger, Registry } from '@isthmus/runtime';

/**
 * Server interceptor recording, per method and status code, `grpc_server_handled_total` and
 * `grpc_server_handling_seconds` (names as go-grpc-prometheus, which Istio's components export), and logging
 * failed calls at debug level.
 */
export function observabilityInterceptor(registry: Registry, logger: Logger): ServerInterceptor {
  const handled = new Counter({
    name: 'grpc_server_handled_total',
    help: 'RPCs completed on the server, by method and status code',
    labelNames: ['grpc_service', 'grpc_method', 'grpc_code'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'grpc_server_handling_seconds',
    help: 'Time from the start of an RPC to its status, by method',
    labelNames: ['grpc_service', 'grpc_method'],
    buckets: [0.001, 0.005, 0.025, 0.1, 0.5, 2.5, 10, 60, 600],
    registers: [registry],
  });
  return (methodDescriptor, call) => {
    const [service, method] = splitPath(methodDescriptor.path);
    const started = process.hrtime.bigint();
    return new ServerInterceptingCall(call, {
      sendStatus: (status, next) => {
        const code = GrpcStatus[status.code] ?? String(status.code);
        handled.labels(service, method, code).inc();
        duration.labels(service, method).observe(Number(process.hrtime.bigint() - started) / 1e9);
        if (status.code !== GrpcStatus.OK) logger.debug({ method: methodDescriptor.path, code, details: status.details }, 'gRPC call failed');
        next(status);
      },
    });
  };
}

function splitPath(path: string): [string, string] {
  const [, service = '', method = ''] = path.split('/');
  return [service, method];
}

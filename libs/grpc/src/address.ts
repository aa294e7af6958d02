/**
 * Normalises the listen addresses Istio's flags use (`:15010`, `tcp://0.0.0.0:9901`, `127.0.0.1:0`, `[::1]:15010`)
 * into the `host:port` form grpc-js binds, defaulting the host to all interfaces.
 */
export function grpcBindTarget(address: string): string {
  const withoutScheme = address.replace(/^tcp:\/\//, '');
  const colon = withoutScheme.lastIndexOf(':');
  if (colon < 0) throw new Error(`invalid gRPC address "${address}": expected host:port`);
  const host = withoutScheme.slice(0, colon) || '0.0.0.0';
  const port = Number(withoutScheme.slice(colon + 1));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid gRPC address "${address}": bad port`);
  return `${host}:${port}`;
}

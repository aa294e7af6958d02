import { createServer } from 'node:net';
import { StepError } from './errors';

/** Loopback address every server binds to. */
export const HOST = '127.0.0.1';

/**
 * Fixed loopback ports, clear of Istio 1.3's (80, 443, 3000, 8060, 8080, 9080, 9090, 9091, 9443, 9901,
 * 15000-15099, 16686, 20001, 42422). ISTHMUS_TESTENV_PORT_OFFSET shifts them all (to run a second environment).
 */
const BASE_PORTS = {
  etcdClient: 23790,
  etcdPeer: 23800,
  apiserver: 26443,
  controllerManager: 26257,
  scheduler: 26259,
  kafka: 29092,
  kafkaController: 29093,
} as const;

export type PortName = keyof typeof BASE_PORTS;
export type Ports = Record<PortName, number>;

export function ports(): Ports {
  const raw = process.env['ISTHMUS_TESTENV_PORT_OFFSET'] ?? '0';
  const offset = Number.parseInt(raw, 10);
  if (!Number.isInteger(offset) || offset < -20000 || offset > 30000) {
    throw new StepError('configure ports', `ISTHMUS_TESTENV_PORT_OFFSET must be an integer, got "${raw}"`);
  }
  const entries = Object.entries(BASE_PORTS).map(([name, port]) => [name, port + offset]);
  return Object.fromEntries(entries) as Ports;
}

/** True when nothing listens on HOST:port (we can bind it ourselves). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(false));
    server.listen({ host: HOST, port, exclusive: true }, () => server.close(() => resolvePromise(true)));
  });
}

/** Throws a StepError naming each busy port and who needs it. */
export async function assertPortsFree(step: string, wanted: Array<{ port: number; purpose: string }>): Promise<void> {
  const busy: string[] = [];
  for (const { port, purpose } of wanted) {
    if (!(await isPortFree(port))) busy.push(`${HOST}:${port} (${purpose})`);
  }
  if (busy.length > 0) {
    throw new StepError(
      step,
      `port ${busy.join(', ')} is already in use by another process; stop it or set ISTHMUS_TESTENV_PORT_OFFSET`,
    );
  }
}

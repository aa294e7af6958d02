import { currentState } from '../lib/environment';

/** True when the tests talk to this machine's test environment (not an external cluster given by KUBECONFIG). */
export function usingLocalKube(): boolean {
  const state = currentState();
  return state?.kubeconfig !== undefined && state.kubeconfig === process.env['KUBECONFIG'];
}

/** True when the tests talk to this machine's test Kafka (not external brokers given by KAFKA_BROKERS). */
export function usingLocalKafka(): boolean {
  const state = currentState();
  return state?.kafkaBrokers !== undefined && state.kafkaBrokers === process.env['KAFKA_BROKERS'];
}

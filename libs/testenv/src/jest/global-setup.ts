import { beginTestSession } from '../lib/test-session';

/** Jest `globalSetup`: brings up (or reuses, or skips for external KUBECONFIG / KAFKA_BROKERS) the test environment. */
export default async function globalSetup(): Promise<void> {
  await beginTestSession();
}

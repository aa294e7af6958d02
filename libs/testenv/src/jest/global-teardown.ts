import { endTestSession } from '../lib/test-session';

/** Jest `globalTeardown`: takes the environment down if this run started it and no other run still uses it. */
export default async function globalTeardown(): Promise<void> {
  await endTestSession();
}

// Global setup runs outside Jest's module mapping, so testenv is imported by path (as its own preset does).
// eslint-disable-next-line @nx/enforce-module-boundaries -- global setup runs without Jest's module mapping, so no alias
import { endTestSession } from '../../../testenv/src/lib/test-session';
import { usePrivateTestenv } from './private-env';

export default async function globalTeardown(): Promise<void> {
  usePrivateTestenv();
  await endTestSession();
}

// eslint-disable-next-line @nx/enforce-module-boundaries -- global teardown runs without Jest's module mapping, so no alias
import { endTestSession } from '../../../testenv/src/lib/test-session';
import { stopPrivateTestenv } from './private-env';

/** The preset's teardown for the shared environment, then this project's private one (see private-env.ts). */
export default async function globalTeardown(): Promise<void> {
  await endTestSession();
  if (process.env['ISTHMUS_TESTENV_KEEP'] !== '1') await stopPrivateTestenv();
}

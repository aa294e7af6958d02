import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Galley's integration tests install Istio's CRDs in the form Galley needs (free-form spec) and a cluster-wide
 * webhook; other projects install stricter CRDs and start/stop the shared environment. So these tests run against
 * their own environment: ports shifted by this offset, state in its own directory (unless KUBECONFIG points elsewhere).
 */
export const GALLEY_TESTENV_PORT_OFFSET = '1000';

export function usePrivateTestenv(): void {
  process.env['ISTHMUS_TESTENV_PORT_OFFSET'] ??= GALLEY_TESTENV_PORT_OFFSET;
  process.env['ISTHMUS_TESTENV_STATE'] ??= join(process.env['ISTHMUS_CACHE_DIR'] ?? join(process.env['HOME'] ?? tmpdir(), '.cache', 'isthmus'), 'testenv-state-galley');
}

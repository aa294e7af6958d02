import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

/** Lints `code` as if it were the file at `filePath`, with the repository's real ESLint config, in a child process. */
async function boundaryMessages(filePath: string, code: string): Promise<string[]> {
  const eslint = require.resolve('eslint/bin/eslint.js');
  const result = spawnSync(process.execPath, [eslint, '--stdin', '--stdin-filename', join(root, filePath), '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  const [report] = JSON.parse(result.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return report.messages.filter((message) => message.ruleId === '@nx/enforce-module-boundaries').map((message) => message.message);
}

describe('module boundaries (eslint @nx/enforce-module-boundaries)', () => {
  it('fails lint when a library imports an application', async () => {
    const messages = await boundaryMessages(
      'libs/runtime/src/boundary-probe.ts',
      "import { pilotCommand } from '../../../apps/pilot/src/cli';\nexport const probe = pilotCommand;\n",
    );
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join('\n')).toMatch(/cannot be imported|Imports of apps are forbidden/);
  }, 60_000);

  it('fails lint when a foundation library imports an application through any path', async () => {
    const messages = await boundaryMessages(
      'libs/protos/src/boundary-probe.ts',
      "import { istioctlCommand } from '../../../apps/istioctl/src/cli';\nexport const probe = istioctlCommand;\n",
    );
    expect(messages.length).toBeGreaterThan(0);
  }, 60_000);

  it('allows an application to import a library', async () => {
    const messages = await boundaryMessages(
      'apps/pilot/src/boundary-probe.ts',
      "import { parseDuration } from '@isthmus/runtime';\nexport const probe = parseDuration;\n",
    );
    expect(messages).toEqual([]);
  }, 60_000);
});

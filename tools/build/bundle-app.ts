/**
 * Bundles one app into dist/apps/<app>/main.js with esbuild: workspace libraries (tsconfig paths) are inlined,
 * npm packages stay external (installed next to the bundle in images).
 * Usage: tsx tools/build/bundle-app.ts <app>
 */
import { build } from 'esbuild';
import { join } from 'node:path';

async function bundle(app: string): Promise<void> {
  const root = join(__dirname, '../..');
  await build({
    entryPoints: [join(root, 'apps', app, 'src', 'main.ts')],
    outfile: join(root, 'dist', 'apps', app, 'main.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    tsconfig: join(root, 'tsconfig.base.json'),
    sourcemap: true,
    logLevel: 'warning',
  });
}

const app = process.argv[2];
if (!app) {
  process.stderr.write('usage: bundle-app <app>\n');
  process.exit(2);
}
bundle(app).catch((error: unknown) => {
  process.stderr.write(`bundle-app ${app}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

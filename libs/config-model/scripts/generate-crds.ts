/**
 * Writes the CRD manifests generated from the config model into a directory (default charts/istio-init/files).
 * Usage: tsx libs/config-model/scripts/generate-crds.ts [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderCrdFiles } from '../src/crd/crds';

export function generateCrds(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of renderCrdFiles()) {
    const path = join(outDir, name);
    writeFileSync(path, text);
    written.push(path);
  }
  return written;
}

if (require.main === module) {
  const outDir = resolve(process.argv[2] ?? 'charts/istio-init/files');
  for (const path of generateCrds(outDir)) process.stdout.write(`wrote ${path}\n`);
}

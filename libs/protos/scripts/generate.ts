/**
 * The one script that produces everything under src/generated/ (never edit that folder by hand):
 *  - TypeScript types for the Envoy v3 xDS protos pinned by the installed @grpc/grpc-js-xds (its deps/ folder), and for
 *    our own Istio protos in proto/ (MCP, Mixer, Citadel CSR, gRPC health), via proto-loader-gen-types;
 *  - one JSON descriptor per set, loaded at run time (no .proto files needed next to a bundled app).
 * Run: `npx nx run protos:generate`. `--check DIR` writes into DIR instead (the freshness test compares the two).
 */
import { execFileSync } from 'node:child_process';
import { accessSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Root } from 'protobufjs';
import { PROTO_SETS, protoIncludeDirs } from '../src/proto-sets';

const GEN_OPTIONS = ['--keepCase', '--longs', 'String', '--enums', 'String', '--defaults', '--oneofs', '--includeComments'];

function generate(outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const genTypes = require.resolve('@grpc/proto-loader/build/bin/proto-loader-gen-types.js');
  for (const set of PROTO_SETS) {
    const includeDirs = protoIncludeDirs(set);
    execFileSync(
      process.execPath,
      [genTypes, ...set.files, ...GEN_OPTIONS, '--grpcLib', '@grpc/grpc-js', '-O', join(outDir, set.name), '-I', ...includeDirs],
      { stdio: 'inherit' },
    );
    const root = new Root();
    root.resolvePath = (_origin, target) => {
      for (const dir of includeDirs) {
        const candidate = join(dir, target);
        try {
          accessSync(candidate);
          return candidate;
        } catch {
          // try the next include dir
        }
      }
      return target;
    };
    root.loadSync([...set.files], { keepCase: true });
    root.resolveAll();
    const descriptor = join(outDir, `${set.name}-descriptor.json`);
    mkdirSync(dirname(descriptor), { recursive: true });
    writeFileSync(descriptor, `${JSON.stringify(root.toJSON({ keepComments: false }))}\n`);
  }
  relativizeSourcePaths(outDir);
  writeFileSync(
    join(outDir, 'README.md'),
    '# Generated — do not edit\n\nProduced by `libs/protos/scripts/generate.ts` (`npx nx run protos:generate`) from pinned protos.\n',
  );
}

/** The generator records absolute .proto paths; make them repository-relative so output is the same in any checkout. */
function relativizeSourcePaths(dir: string): void {
  const repoRoot = resolve(__dirname, '../../..');
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      relativizeSourcePaths(path);
    } else if (path.endsWith('.ts')) {
      const text = readFileSync(path, 'utf8');
      const fixed = text.replace(/^\/\/ Original file: (\/\S+)/gm, (_line, file: string) => `// Original file: ${relative(repoRoot, file)}`);
      if (fixed !== text) writeFileSync(path, fixed);
    }
  }
}

const checkIndex = process.argv.indexOf('--check');
const target = checkIndex >= 0 ? resolve(process.argv[checkIndex + 1]) : join(__dirname, '../src/generated');
generate(target);

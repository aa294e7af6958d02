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
import { Enum, Field, Namespace, ReflectionObject, Root, Service, Type } from 'protobufjs';
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
    pruneToUsedTypes(root, set.files.map((file) => root.resolvePath('', file) ?? file));
    const descriptor = join(outDir, `${set.name}-descriptor.json`);
    mkdirSync(dirname(descriptor), { recursive: true });
    writeFileSync(descriptor, `${JSON.stringify(root.toJSON({ keepComments: false }), withoutAnnotations)}\n`);
  }
  relativizeSourcePaths(outDir);
  writeFileSync(
    join(outDir, 'README.md'),
    '# Generated — do not edit\n\nProduced by `libs/protos/scripts/generate.ts` (`npx nx run protos:generate`) from pinned protos.\n',
  );
}

/**
 * Keeps the types the set's own files define and everything they reference (fields, nested types, service methods);
 * drops what came along only through imports for annotations (validate rules, udpa/xds annotations, the
 * google.protobuf descriptor types), and the `extend` fields that declare those annotations. Every process that
 * decodes xDS — each sidecar first — loads the descriptor.
 */
function pruneToUsedTypes(root: Root, rootFiles: readonly string[]): void {
  const used = new Set<ReflectionObject>();
  const visit = (object: ReflectionObject | null) => {
    if (!object || used.has(object)) return;
    used.add(object);
    // A nested type lives inside its message: keep the enclosing message too.
    if (object.parent instanceof Type) visit(object.parent);
    if (object instanceof Type) {
      for (const field of object.fieldsArray) visit(field.resolvedType);
      for (const nested of object.nestedArray) visit(nested);
    } else if (object instanceof Service) {
      for (const method of object.methodsArray) {
        visit(method.resolvedRequestType);
        visit(method.resolvedResponseType);
      }
    }
  };
  const definitions = (namespace: Namespace): ReflectionObject[] =>
    namespace.nestedArray.flatMap((object) => [
      ...(object instanceof Type || object instanceof Enum || object instanceof Service ? [object] : []),
      ...(object instanceof Namespace && !(object instanceof Type) ? definitions(object) : []),
    ]);
  const all = definitions(root);
  // Definitions without a file are protobufjs' bundled well-known types (Any, Struct, Duration, ...): small, kept.
  for (const object of all) if (!object.filename || rootFiles.includes(object.filename)) visit(object);
  for (const object of all) if (!used.has(object)) object.parent?.remove(object);
  for (const extension of extensionFields(root)) extension.parent?.remove(extension);
  const dropEmpty = (namespace: Namespace) => {
    for (const child of namespace.nestedArray) {
      if (!(child instanceof Namespace) || child instanceof Type || child instanceof Service) continue;
      dropEmpty(child);
      if (child.nestedArray.length === 0) namespace.remove(child);
    }
  };
  dropEmpty(root);
}

/** `extend` declarations (fields held by a namespace or type's nested objects rather than by a message). */
function extensionFields(namespace: Namespace): Field[] {
  return namespace.nestedArray.flatMap((object) => [
    ...(object instanceof Field ? [object] : []),
    ...(object instanceof Namespace ? extensionFields(object) : []),
  ]);
}

/** Option keys protobufjs needs to encode and decode (the rest are annotations nothing reads at run time). */
const WIRE_OPTIONS: ReadonlySet<string> = new Set(['packed', 'proto3_optional', 'default']);

/** JSON.stringify replacer: drops annotation options from the descriptor. */
function withoutAnnotations(this: unknown, key: string, value: unknown): unknown {
  if (key !== 'options' || typeof value !== 'object' || value === null) return value;
  const kept = Object.entries(value).filter(([name]) => WIRE_OPTIONS.has(name));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
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

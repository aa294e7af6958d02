'use strict';
/**
 * Jest transformer for ESM-only packages in node_modules (e.g. @kubernetes/client-node 1.x+ and its dependencies).
 * Jest (CommonJS mode) cannot load `import`/`export` syntax; this rewrites such files to CommonJS with esbuild and
 * leaves CommonJS files untouched. Use with `transformIgnorePatterns: []` and a `'^.+\\.m?js$'` transform entry.
 */
const { createHash } = require('node:crypto');
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { transformSync } = require('esbuild');

const typeCache = new Map();

function packageType(dir) {
  if (typeCache.has(dir)) return typeCache.get(dir);
  const pkg = join(dir, 'package.json');
  let type;
  if (existsSync(pkg)) {
    try {
      type = JSON.parse(readFileSync(pkg, 'utf8')).type === 'module' ? 'module' : 'commonjs';
    } catch {
      type = 'commonjs';
    }
  } else {
    const parent = dirname(dir);
    type = parent === dir ? 'commonjs' : packageType(parent);
  }
  typeCache.set(dir, type);
  return type;
}

function isEsm(filename) {
  if (filename.endsWith('.mjs')) return true;
  if (filename.endsWith('.cjs')) return false;
  return packageType(dirname(filename)) === 'module';
}

module.exports = {
  getCacheKey(source, filename) {
    return createHash('sha1').update('esm-to-cjs-v1\0').update(filename).update('\0').update(source).digest('hex');
  },
  process(source, filename) {
    if (!isEsm(filename)) return { code: source };
    const result = transformSync(source, {
      loader: 'js',
      format: 'cjs',
      target: 'node20',
      sourcefile: filename,
      sourcemap: 'inline',
      logLevel: 'silent',
      define: { 'import.meta.url': JSON.stringify(`file://${filename}`) },
    });
    return { code: result.code };
  },
};

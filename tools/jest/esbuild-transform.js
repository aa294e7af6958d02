// Jest transformer: TypeScript and ESM-only dependencies → CommonJS via esbuild. Type checking is the typecheck
// target's job, so tests only need fast, faithful transpilation.
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const loader = filename.endsWith('.ts') ? 'ts' : 'js';
    const result = transformSync(source, {
      loader,
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
      supported: { 'dynamic-import': false },
    });
    return { code: result.code };
  },
  getCacheKey(source, filename) {
    return require('node:crypto').createHash('sha1').update(filename).update('\0').update(source).digest('hex');
  },
};

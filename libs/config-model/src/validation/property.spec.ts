/** Property-based tests: random and mutated documents never crash the validator, and every rejection has a path. */
import fc from 'fast-check';
import { istioSchemas } from '../registry/registry';
import { sampleResources } from '../testing/samples';
import { validateObject, validateText } from './validate';

const json = fc.jsonValue({ maxDepth: 4 });

/** Replaces, deletes or adds a value at a random path of a document. */
function mutate(document: unknown, path: readonly number[], replacement: unknown, mode: number): unknown {
  if (path.length === 0 || typeof document !== 'object' || document === null) return replacement;
  const entries = Array.isArray(document) ? document.map((value, index) => [String(index), value] as const) : Object.entries(document);
  if (entries.length === 0) return Array.isArray(document) ? [replacement] : { injected: replacement };
  const [name, value] = entries[path[0] % entries.length];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(document) ? [...document] : { ...(document as Record<string, unknown>) };
  if (path.length === 1 && mode === 0) {
    if (Array.isArray(copy)) copy.splice(Number(name), 1);
    else delete copy[name];
    return copy;
  }
  if (path.length === 1 && mode === 1 && !Array.isArray(copy)) {
    copy[`${name}x`] = replacement;
    return copy;
  }
  (copy as Record<string, unknown>)[name] = mutate(value, path.slice(1), replacement, mode);
  return copy;
}

function expectWellFormed(result: ReturnType<typeof validateObject>): void {
  for (const problem of result.problems) {
    expect(typeof problem.message).toBe('string');
    expect(problem.message.length).toBeGreaterThan(0);
    expect(problem.message).not.toContain('internal validation error');
    if (problem.severity === 'error' && result.object?.descriptor) {
      // Every rejection of an Istio resource names the field (the whole-document case is an empty path only for
      // envelope-level problems, which have a path too).
      expect(problem.path).not.toBe('');
    }
  }
}

describe('validator properties', () => {
  const samples = sampleResources();

  it('never throws on arbitrary JSON values', () => {
    fc.assert(
      fc.property(json, (value) => {
        expectWellFormed(validateObject(value));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random specs of every kind, and rejections carry a path', () => {
    const kinds = istioSchemas.kinds;
    fc.assert(
      fc.property(fc.nat(kinds.length - 1), fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 5 }), (index, spec) => {
        const kind = kinds[index];
        const result = validateObject({ apiVersion: `${kind.group}/${kind.version}`, kind: kind.kind, metadata: { name: 'x', namespace: 'ns' }, spec });
        expectWellFormed(result);
        for (const problem of result.problems) expect(problem.path.startsWith('spec') || problem.path === '' || problem.path.startsWith('metadata')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on mutated valid documents, and rejections carry a path', () => {
    fc.assert(
      fc.property(fc.nat(samples.length - 1), fc.array(fc.nat(20), { minLength: 1, maxLength: 7 }), json, fc.nat(2), (index, path, replacement, mode) => {
        const mutated = mutate(samples[index], path, replacement, mode);
        expectWellFormed(validateObject(mutated));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = validateText(text, 'random.yaml');
        for (const problem of result.problems) expect(problem.file).toBe('random.yaml');
      }),
      { numRuns: 300 },
    );
  });

  it('accepts every sample', () => {
    for (const sample of samples) {
      expect(validateObject(sample).problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    }
  });
});

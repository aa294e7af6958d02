/**
 * Benchmark: validate 10,000 mixed Istio resources (every kind, cycling) with @isthmus/config-model.
 * Usage: npx tsx --tsconfig tsconfig.base.json tools/bench/config-model-validate.ts [count] [rounds]
 * Prints resources/s per round and the best/median; target ≥ 10,000 resources/s.
 */
import { stringify } from 'yaml';
import { validateObject, validateText } from '@isthmus/config-model';
import { mixedResources } from '@isthmus/config-model/testing';

const count = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 5);
const resources = mixedResources(count);
const yamlText = resources.map((resource) => stringify(resource)).join('---\n');

/** Runs `rounds` rounds, prints the rates, and returns the median rate. */
function measure(label: string, run: () => number): number {
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    const errors = run();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (errors > 0) throw new Error(`${label}: ${errors} unexpected errors`);
    rates.push(count / seconds);
  }
  const sorted = [...rates].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`${label}: ${rates.map((rate) => Math.round(rate)).join(', ')} resources/s; best ${Math.round(sorted[sorted.length - 1])}, median ${Math.round(median)}`);
  return median;
}

console.log(`validating ${count} mixed resources (${new Set(resources.map((resource) => resource['kind'])).size} kinds), ${rounds} rounds`);
const median = measure('objects (validateObject)', () =>
  resources.reduce((errors, resource) => errors + validateObject(resource).problems.filter((problem) => problem.severity === 'error').length, 0),
);
measure('YAML text (parse + validate)', () => validateText(yamlText, 'bench.yaml').problems.filter((problem) => problem.severity === 'error').length);
console.log(`${median >= 10_000 ? 'PASS' : 'FAIL'}: median ${Math.round(median)} resources/s (target ≥ 10000)`);
process.exitCode = median >= 10_000 ? 0 : 1;

/**
 * Golden files: the full xDS output for a sidecar and the ingress gateway at each step of the walkthrough's traffic
 * management scenarios (shared/scenarios 40–53) and the mTLS steps (10–12), services defined by ServiceEntry. Every resource goes through the
 * snapshot encoder (field-checked) and the consistency check. Rewrite with UPDATE_GOLDEN=1 and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Snapshot, TYPE_URL, XdsTypeUrl, shortTypeName } from '@isthmus/xds';
import { parseConfigText } from '../config/parse-config';
import { readableResource } from '../discovery/readable';
import { SCENARIO_CASES, SCENARIO_DIR, SCENARIO_PROXIES, type ScenarioProxy, generateScenario } from '../testing';

const TESTDATA = join(__dirname, '../../testdata');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

function render(prefixes: readonly string[], proxyKind: ScenarioProxy): string {
  const config = generateScenario(prefixes, proxyKind);
  const snapshot = Snapshot.fromObjects(config);
  expect(snapshot.consistent()).toEqual([]);
  const out: Record<string, unknown> = {};
  for (const url of [TYPE_URL.cluster, TYPE_URL.endpoint, TYPE_URL.listener, TYPE_URL.route] as XdsTypeUrl[]) {
    out[shortTypeName(url)] = [...snapshot.get(url).resources.values()].map((resource) => readableResource(resource.any));
  }
  out['warnings'] = config.warnings;
  return `${JSON.stringify(out, null, 1)}\n`;
}

describe('golden xDS output for the walkthrough scenarios', () => {
  for (const [name, prefixes] of Object.entries(SCENARIO_CASES)) {
    for (const proxy of Object.keys(SCENARIO_PROXIES) as ScenarioProxy[]) {
      it(`${name} (${proxy})`, () => {
        const actual = render(prefixes, proxy);
        const file = join(TESTDATA, 'golden', `${name}.${proxy}.json`);
        if (UPDATE || !existsSync(file)) {
          if (!UPDATE) throw new Error(`missing golden file ${file}; run with UPDATE_GOLDEN=1`);
          mkdirSync(join(TESTDATA, 'golden'), { recursive: true });
          writeFileSync(file, actual);
        }
        expect(actual).toBe(readFileSync(file, 'utf8'));
      });
    }
  }

  it('rejects the walkthrough VirtualService as printed (52), naming the field', () => {
    const parsed = parseConfigText(readFileSync(join(SCENARIO_DIR, '52-iex-vs-as-printed.invalid.yaml'), 'utf8'), '52', 'stock-trader');
    expect(parsed.resources).toHaveLength(0);
    expect(parsed.rejected.size).toBe(1);
    expect(parsed.problems.map((problem) => problem.message).join('\n')).toMatch(/https/);
  });
});

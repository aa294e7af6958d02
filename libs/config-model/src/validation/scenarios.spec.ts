import { readScenario, scenarioFiles } from '../testing/scenarios';
import { formatProblems } from './format';
import { hasErrors } from './problems';
import { validateText } from './validate';

describe('walkthrough scenarios (copies of shared/scenarios)', () => {
  const files = scenarioFiles();

  it('has all the fixtures', () => {
    expect(files.length).toBe(21);
  });

  it.each(files.filter((file) => !file.endsWith('.invalid.yaml')))('%s validates', (file) => {
    const result = validateText(readScenario(file), file);
    expect(formatProblems(result.problems.filter((problem) => problem.severity === 'error'))).toBe('');
    expect(result.objects.length).toBeGreaterThan(0);
  });

  it('rejects 52-iex-vs-as-printed naming spec.https and suggesting http/tls', () => {
    const file = '52-iex-vs-as-printed.invalid.yaml';
    const result = validateText(readScenario(file), file);
    expect(hasErrors(result.problems)).toBe(true);
    expect(formatProblems(result.problems)).toContain(
      '52-iex-vs-as-printed.invalid.yaml: VirtualService/default/iex-virtual-service: spec.https: unknown field "https"; did you mean "http" or "tls"?',
    );
  });

  it('warns about and normalises the deprecated fault percent of 48', () => {
    const file = '48-stock-quote-vs-fault-match.yaml';
    const result = validateText(readScenario(file), file);
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'spec.http[0].fault.delay.percent', message: expect.stringContaining('percentage.value') }),
    ]);
    const spec = result.objects[0].resource?.spec as { http: { fault: { delay: unknown } }[] };
    expect(spec.http[0].fault.delay).toEqual({ fixedDelay: '90s', percentage: { value: 100 } });
  });

  it('checks the mesh ConfigMap of 50 and the ServiceEntry protocol spelling of 51', () => {
    const mesh = validateText(readScenario('50-mesh-config-registry-only.yaml'), '50');
    expect(mesh.problems).toEqual([]);
    const se = validateText(readScenario('51-se-iex.yaml'), '51');
    const spec = se.objects[0].resource?.spec as { ports: { protocol: string }[] };
    expect(spec.ports[0].protocol).toBe('HTTPS');
  });
});

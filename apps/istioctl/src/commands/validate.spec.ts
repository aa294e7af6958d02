import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCENARIO_DIR } from '@isthmus/config-model/testing';
import { defineCommand, runCli } from '@isthmus/runtime';
import { createExperimentalCommand } from './analyze';
import { createValidateCommand } from './validate';

async function istioctl(argv: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: { write: (text: string) => out.push(text) }, stderr: { write: (text: string) => err.push(text) }, readStdin: async () => stdin };
  const root = defineCommand({ name: 'istioctl', summary: 'test', flags: {}, subcommands: [createValidateCommand(io), createExperimentalCommand(io)] });
  const code = await runCli(root, { argv, env: {}, stdout: io.stdout, stderr: io.stderr });
  return { code, out: out.join(''), err: err.join('') };
}

const scenario = (name: string) => join(SCENARIO_DIR, name);

describe('istioctl validate', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'istioctl-validate-'));
    mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
    writeFileSync(join(dir, 'nested', 'deeper', 'bad.yml'), 'apiVersion: networking.istio.io/v1alpha3\nkind: Gateway\nmetadata: { name: g }\nspec: {}\n');
    writeFileSync(join(dir, 'nested', 'ignored.txt'), 'not config');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 for valid files', async () => {
    const result = await istioctl(['validate', '-f', scenario('21-trader-vs.yaml'), '-f', scenario('41-trader-dr.yaml')]);
    expect(result).toEqual({ code: 0, out: '', err: '2 resources in 2 files: 0 errors, 0 warnings\n' });
  });

  it('exits 1 and names the field for the walkthrough typo', async () => {
    const file = scenario('52-iex-vs-as-printed.invalid.yaml');
    const result = await istioctl(['validate', '-f', file]);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`${file}: VirtualService/default/iex-virtual-service: spec.https: unknown field "https"; did you mean "http" or "tls"?\n`);
  });

  it('prints warnings but exits 0', async () => {
    const result = await istioctl(['validate', '-f', scenario('48-stock-quote-vs-fault-match.yaml'), '-n', 'stock-trader']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('VirtualService/stock-trader/virtual-service-stock-quote: spec.http[0].fault.delay.percent: warning: field "percent" is deprecated');
  });

  it('walks directories recursively and validates every scenario', async () => {
    const result = await istioctl(['validate', '-f', SCENARIO_DIR]);
    expect(result.code).toBe(1);
    const errorLines = result.out.split('\n').filter((line) => line && !line.includes(': warning: '));
    expect(errorLines.every((line) => line.includes('52-iex-vs-as-printed.invalid.yaml'))).toBe(true);
    expect(result.err).toContain('in 21 files');
    const nested = await istioctl(['validate', '-f', dir]);
    expect(nested.code).toBe(1);
    expect(nested.out).toContain(`${join(dir, 'nested', 'deeper', 'bad.yml')}: Gateway/default/g: spec.servers: at least one server is required`);
  });

  it('reads stdin with -f -', async () => {
    const result = await istioctl(['validate', '-f', '-'], 'apiVersion: rbac.istio.io/v1alpha1\nkind: ServiceRole\nmetadata: { name: r, namespace: ns }\nspec: { rules: [] }\n');
    expect(result.code).toBe(1);
    expect(result.out).toBe('-: ServiceRole/ns/r: spec.rules: at least one rule is required\n');
  });

  it('exits 2 for unreadable input and for no input', async () => {
    const missing = await istioctl(['validate', '-f', join(dir, 'missing.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read');
    const none = await istioctl(['validate']);
    expect(none.code).toBe(2);
  });

  it('writes JSON with -o json', async () => {
    const result = await istioctl(['validate', '-o', 'json', '-f', scenario('52-iex-vs-as-printed.invalid.yaml')]);
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.out) as { valid: boolean; resources: number; problems: { path: string; kind: string; severity: string }[] };
    expect(parsed.valid).toBe(false);
    expect(parsed.resources).toBe(1);
    expect(parsed.problems[0]).toEqual(expect.objectContaining({ kind: 'VirtualService', path: 'spec.https', severity: 'error' }));
  });
});

describe('istioctl x analyze', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'istioctl-analyze-'));
    writeFileSync(
      join(dir, 'app.yaml'),
      `apiVersion: networking.istio.io/v1alpha3
kind: VirtualService
metadata: { name: reviews, namespace: shop }
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: { host: reviews, subset: v3 }
---
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata: { name: reviews, namespace: shop }
spec:
  host: reviews
  subsets: [{ name: v1, labels: { version: v1 } }]
---
apiVersion: v1
kind: Service
metadata: { name: reviews, namespace: shop }
spec:
  ports: [{ name: web, port: 9080 }]
`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports cross-resource problems in the validate format', async () => {
    const file = join(dir, 'app.yaml');
    const result = await istioctl(['x', 'analyze', '-f', file]);
    expect(result.code).toBe(1);
    expect(result.out).toBe(
      `${file}: VirtualService/shop/reviews: spec.http[0].route[0].destination.subset: subset "v3" of host "reviews.shop.svc.cluster.local" is not defined by DestinationRule shop/reviews\n` +
        `${file}[2]: Service/shop/reviews: spec.ports[0].name: warning: port name "web" has no protocol prefix (http, http2, https, grpc, grpc-web, tcp, tls, udp, mongo, redis, mysql); Istio treats it as TCP\n`,
    );
  });

  it('passes the walkthrough (warnings only) and supports -o json', async () => {
    const valid = ['02-portfolio-deploy.yaml', '20-trader-gateway-tls.yaml', '41-trader-dr.yaml', '42-trader-vs-100-v1.yaml'].map(scenario);
    const result = await istioctl(['x', 'analyze', '-o', 'json', ...valid.flatMap((file) => ['-f', file])]);
    const parsed = JSON.parse(result.out) as { errors: number };
    expect(parsed.errors).toBe(0);
    expect(result.code).toBe(0);
  });

  it('exits 2 on unreadable input', async () => {
    expect((await istioctl(['x', 'analyze', '-f', join(dir, 'nope')])).code).toBe(2);
  });
});

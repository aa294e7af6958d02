import { readScenario, scenarioFiles } from '../testing/scenarios';
import { validateText, ConfigObject } from '../validation/validate';
import { analyze } from './analyze';

function objects(yaml: string): ConfigObject[] {
  return validateText(yaml, 'in.yaml').objects;
}

const vsYaml = (name: string, hosts: string, gateway: string, subset = '') => `
apiVersion: networking.istio.io/v1alpha3
kind: VirtualService
metadata: { name: ${name}, namespace: shop }
spec:
  hosts: [${hosts}]
  gateways: [${gateway}]
  http:
  - route:
    - destination: { host: cart${subset ? `, subset: ${subset}` : ''} }
---`;

const drYaml = `
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata: { name: cart, namespace: shop }
spec:
  host: cart
  subsets: [{ name: v1, labels: { version: v1 } }]
---`;

const serviceYaml = (portName: string) => `
apiVersion: v1
kind: Service
metadata: { name: cart, namespace: shop }
spec:
  ports: [{ ${portName ? `name: ${portName}, ` : ''}port: 80 }]
---`;

describe('analyze', () => {
  it('flags a subset no DestinationRule defines', () => {
    const problems = analyze(objects(`${vsYaml('a', 'cart', 'mesh', 'v2')}${drYaml}${serviceYaml('http')}`));
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'VirtualService', name: 'a', path: 'spec.http[0].route[0].destination.subset', severity: 'error', message: expect.stringContaining('"v2" of host "cart.shop.svc.cluster.local" is not defined by DestinationRule shop/cart') }),
    ]);
  });

  it('flags a subset whose host has no DestinationRule', () => {
    const problems = analyze(objects(`${vsYaml('a', 'cart', 'mesh', 'v1')}${serviceYaml('http')}`));
    expect(problems[0].message).toContain('no DestinationRule for this host');
  });

  it('accepts a subset the DestinationRule defines', () => {
    expect(analyze(objects(`${vsYaml('a', 'cart', 'mesh', 'v1')}${drYaml}${serviceYaml('http')}`))).toEqual([]);
  });

  it('flags two VirtualServices claiming one host on one gateway', () => {
    const problems = analyze(objects(`${vsYaml('a', 'cart.example.com', 'gw')}${vsYaml('b', 'cart.example.com', 'shop/gw')}${serviceYaml('http')}`));
    expect(problems).toEqual([
      expect.objectContaining({ name: 'b', path: 'spec.hosts', message: expect.stringContaining('claimed by several VirtualServices (shop/a, shop/b)') }),
    ]);
  });

  it('treats a re-applied resource as a replacement, not a conflict', () => {
    expect(analyze(objects(`${vsYaml('a', 'cart.example.com', 'gw')}${vsYaml('a', 'cart.example.com', 'gw')}${serviceYaml('http')}`))).toEqual([]);
  });

  it('warns about DestinationRules for unknown hosts, selectors matching nothing and unprefixed port names', () => {
    const text = `${drYaml}
apiVersion: networking.istio.io/v1alpha3
kind: Gateway
metadata: { name: gw, namespace: shop }
spec:
  selector: { istio: mygateway }
  servers: [{ port: { number: 80, name: http, protocol: HTTP }, hosts: ['*'] }]
---
apiVersion: v1
kind: Service
metadata: { name: other, namespace: shop }
spec:
  ports: [{ name: web, port: 80 }, { port: 81 }, { name: http-alt, port: 82 }]
`;
    const problems = analyze(objects(text));
    expect(problems.map((problem) => [problem.kind, problem.path, problem.severity])).toEqual([
      ['DestinationRule', 'spec.host', 'warning'],
      ['Gateway', 'spec.selector', 'warning'],
      ['Service', 'spec.ports[0].name', 'warning'],
      ['Service', 'spec.ports[1].name', 'warning'],
    ]);
  });

  it('knows the chart gateways and workloads in the input', () => {
    const text = `
apiVersion: networking.istio.io/v1alpha3
kind: Gateway
metadata: { name: gw }
spec:
  selector: { app: custom }
  servers: [{ port: { number: 80, name: http, protocol: HTTP }, hosts: ['*'] }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: custom-gw }
spec:
  template: { metadata: { labels: { app: custom } } }
`;
    expect(analyze(objects(text))).toEqual([]);
  });

  it('finds the walkthrough consistent except for the expected warnings', () => {
    const all = scenarioFiles()
      .filter((file) => !file.endsWith('.invalid.yaml'))
      .flatMap((file) => validateText(readScenario(file), file).objects);
    const problems = analyze(all);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });
});

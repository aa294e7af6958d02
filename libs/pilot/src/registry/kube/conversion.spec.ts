import type { V1Endpoints, V1Node, V1Pod, V1Service } from '@kubernetes/client-node';
import { convertEndpoints, convertService } from './conversion';

const service: V1Service = {
  metadata: { name: 'portfolio', namespace: 'stock-trader', annotations: { 'networking.istio.io/exportTo': '.' } },
  spec: { clusterIP: '10.96.0.9', ports: [{ name: 'http', port: 9080 }, { name: 'https-tls', port: 9443 }, { name: 'dns', port: 53, protocol: 'UDP' }] },
};

describe('Kubernetes conversion', () => {
  it('maps a Service with protocols from port names and exportTo', () => {
    expect(convertService(service, 'cluster.local')).toMatchObject({
      hostname: 'portfolio.stock-trader.svc.cluster.local',
      address: '10.96.0.9',
      resolution: 'ClientSideLB',
      exportTo: ['.'],
      ports: [{ port: 9080, protocol: 'HTTP' }, { port: 9443, protocol: 'HTTPS' }, { port: 53, protocol: 'UDP' }],
    });
    expect(convertService({ metadata: { name: 'h', namespace: 'n' }, spec: { clusterIP: 'None', ports: [] } }, 'cluster.local')?.resolution).toBe('Passthrough');
  });

  it('maps Endpoints to service ports by name, with pod labels, SPIFFE identity and node locality', () => {
    const converted = convertService(service, 'cluster.local')!;
    const endpoints: V1Endpoints = {
      metadata: { name: 'portfolio', namespace: 'stock-trader' },
      subsets: [{ addresses: [{ ip: '10.1.0.5', nodeName: 'node-a', targetRef: { kind: 'Pod', name: 'portfolio-1' } }], ports: [{ name: 'http', port: 8080 }] }],
    };
    const pod: V1Pod = { metadata: { name: 'portfolio-1', labels: { app: 'portfolio', version: 'v1' } }, spec: { serviceAccountName: 'portfolio', containers: [] } };
    const node: V1Node = { metadata: { name: 'node-a', labels: { 'failure-domain.beta.kubernetes.io/region': 'eu', 'failure-domain.beta.kubernetes.io/zone': 'eu-1a' } } };
    expect(convertEndpoints(endpoints, converted, () => pod, 'cluster.local', () => node)).toEqual([
      {
        hostname: 'portfolio.stock-trader.svc.cluster.local',
        servicePort: 9080,
        address: '10.1.0.5',
        port: 8080,
        labels: { app: 'portfolio', version: 'v1' },
        serviceAccount: 'spiffe://cluster.local/ns/stock-trader/sa/portfolio',
        locality: 'eu/eu-1a',
      },
    ]);
  });
});

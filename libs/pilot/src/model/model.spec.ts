import { toStruct } from '@isthmus/protos';
import { hostMatches, resolveShortName } from './hostname';
import { parseProtocol, protocolFromPortName } from './protocol';
import { parseProxy } from './proxy';

describe('parseProxy', () => {
  it('reads type, IP, namespace and labels from a sidecar node', () => {
    const result = parseProxy({ id: 'sidecar~10.0.0.1~trader-1.stock-trader~stock-trader.svc.cluster.local', metadata: toStruct({ LABELS: { app: 'trader' }, ISTIO_VERSION: '1.3.0' }) as never });
    expect(result).toMatchObject({ ok: true, proxy: { type: 'sidecar', ip: '10.0.0.1', namespace: 'stock-trader', labels: { app: 'trader' }, istioVersion: '1.3.0', proxyless: false } });
  });

  it('accepts LABELS as a JSON string and detects proxyless gRPC clients', () => {
    const result = parseProxy({ id: 'sidecar~127.0.0.1~client.default~default.svc.cluster.local', metadata: { LABELS: '{"app":"client"}', GENERATOR: 'grpc' } });
    expect(result).toMatchObject({ ok: true, proxy: { labels: { app: 'client' }, proxyless: true } });
    expect(parseProxy({ id: 'sidecar~127.0.0.1~c.default~default.svc.cluster.local', user_agent_name: 'gRPC Node Pure JS' })).toMatchObject({ ok: true, proxy: { proxyless: true } });
  });

  it('rejects malformed ids with a message naming the id', () => {
    expect(parseProxy({ id: 'envoy-1' })).toEqual({ ok: false, error: 'node id "envoy-1" is not type~ip~pod.namespace~domain' });
    expect(parseProxy({ id: 'ingress~1.1.1.1~a.b~b.svc' })).toMatchObject({ ok: false, error: expect.stringContaining('unknown proxy type "ingress"') });
  });
});

describe('protocols and hosts', () => {
  it('derives protocols from port names as Istio does', () => {
    expect(['http', 'http-web', 'grpc', 'grpc-web', 'grpc-web-x', 'https', 'tcp-db', 'mongo', 'web', '', 'HTTP2'].map(protocolFromPortName)).toEqual([
      'HTTP', 'HTTP', 'GRPC', 'GRPC-Web', 'GRPC-Web', 'HTTPS', 'TCP', 'Mongo', 'TCP', 'TCP', 'HTTP2',
    ]);
    expect(parseProtocol('https')).toBe('HTTPS');
    expect(parseProtocol('bogus')).toBe('TCP');
  });

  it('matches wildcards and resolves short names', () => {
    expect(hostMatches('*.stock-trader.svc.cluster.local', 'trader.stock-trader.svc.cluster.local')).toBe(true);
    expect(hostMatches('*', 'anything')).toBe(true);
    expect(hostMatches('a.example.com', '*.example.com')).toBe(false);
    expect(resolveShortName('trader', 'stock-trader')).toBe('trader.stock-trader.svc.cluster.local');
    expect(resolveShortName('cloud.iexapis.com', 'x')).toBe('cloud.iexapis.com');
  });
});

import { connect } from 'node:tls';
import { createServer } from 'node:net';
import type { FilterChainMatchConfig } from '../config/types';
import { parseClientHello } from './client-hello';
import { selectFilterChain, type ConnectionFacts } from './filter-chain-match';

const match = (overrides: Partial<FilterChainMatchConfig>): { config: { match: FilterChainMatchConfig }; id: string } => ({
  id: JSON.stringify(overrides),
  config: { match: { prefixRanges: [], serverNames: [], transportProtocol: '', applicationProtocols: [], sourcePrefixRanges: [], sourcePorts: [], ...overrides } },
});
const facts = (overrides: Partial<ConnectionFacts>): ConnectionFacts => ({
  destinationAddress: '10.0.0.1', destinationPort: 80, sourceAddress: '10.0.0.9', sourcePort: 5555, serverName: '', transportProtocol: 'raw_buffer', applicationProtocols: [], ...overrides,
});

describe('filter chain selection (Envoy order, most specific wins)', () => {
  const chains = [
    match({}),
    match({ destinationPort: 443 }),
    match({ destinationPort: 443, serverNames: ['*.example.com'] }),
    match({ destinationPort: 443, serverNames: ['api.example.com'] }),
    match({ transportProtocol: 'tls' }),
    match({ applicationProtocols: ['h2c'] }),
  ];
  it('picks by destination port, then server name (exact over wildcard), then transport and ALPN', () => {
    expect(selectFilterChain(chains, facts({ destinationPort: 443, serverName: 'api.example.com', transportProtocol: 'tls' }))?.id).toBe(chains[3].id);
    expect(selectFilterChain(chains, facts({ destinationPort: 443, serverName: 'www.example.com', transportProtocol: 'tls' }))?.id).toBe(chains[2].id);
    expect(selectFilterChain(chains, facts({ destinationPort: 443, serverName: 'other.org' }))?.id).toBe(chains[1].id);
    expect(selectFilterChain(chains, facts({ transportProtocol: 'tls' }))?.id).toBe(chains[4].id);
    expect(selectFilterChain(chains, facts({ applicationProtocols: ['h2c'] }))?.id).toBe(chains[5].id);
    expect(selectFilterChain(chains, facts({}))?.id).toBe(chains[0].id);
  });

  it('does not backtrack: a more specific destination range wins even if a later criterion then fails', () => {
    const ranged = [match({}), match({ prefixRanges: [{ address: '10.0.0.0', prefixLength: 8 }], applicationProtocols: ['h2c'] })];
    expect(selectFilterChain(ranged, facts({ applicationProtocols: ['h2c'] }))?.id).toBe(ranged[1].id);
    expect(selectFilterChain(ranged, facts({}))).toBeUndefined();
    expect(selectFilterChain(ranged, facts({ destinationAddress: '192.168.1.1' }))?.id).toBe(ranged[0].id);
  });
});

describe('TLS ClientHello inspection', () => {
  it('reads SNI and ALPN from a real ClientHello and says not-tls for plaintext', async () => {
    const hello = await new Promise<Buffer>((resolve) => {
      const server = createServer((socket) => socket.once('data', (chunk: Buffer) => { resolve(chunk); socket.destroy(); server.close(); }));
      server.listen(0, '127.0.0.1', () => {
        const client = connect({ port: (server.address() as { port: number }).port, host: '127.0.0.1', servername: 'Shop.Example.com', ALPNProtocols: ['h2', 'http/1.1'] });
        client.on('error', () => undefined);
      });
    });
    expect(parseClientHello(hello)).toEqual({ kind: 'tls', hello: { serverName: 'shop.example.com', alpn: ['h2', 'http/1.1'] } });
    expect(parseClientHello(hello.subarray(0, 20))).toEqual({ kind: 'need-more' });
    expect(parseClientHello(Buffer.from('GET / HTTP/1.1\r\n'))).toEqual({ kind: 'not-tls' });
  });
});

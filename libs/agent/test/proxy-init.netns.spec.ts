import { runCliCaptured } from '@isthmus/runtime/testing';
import { spawnTool, ToolRunner } from '../src/proxy-init/apply';
import { createProxyInitCommand } from '../src/proxy-init/command';
import { NetworkNamespace, netnsUnavailableReason } from './netns';

const unavailable = netnsUnavailableReason();
const describeNetns = unavailable ? describe.skip : describe;
if (unavailable) {
  console.warn(`proxy-init netns tests skipped: ${unavailable}`);
}

const INJECTOR_ARGS = ['-p', '15001', '-z', '15006', '-u', '1337', '-m', 'REDIRECT', '-i', '*', '-x', '', '-b', '*', '-d', '15020'];

describeNetns('proxy-init against real iptables in a fresh network namespace', () => {
  let namespace: NetworkNamespace;
  beforeEach(() => (namespace = NetworkNamespace.create('agent-init')));
  afterEach(() => namespace.delete());

  async function proxyInit(argv: readonly string[]) {
    const inNamespace: ToolRunner = (tool, args, stdin) => spawnTool('ip', ['netns', 'exec', namespace.name, tool, ...args], stdin);
    let stderr = '';
    const cli = createProxyInitCommand({
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      runTool: inNamespace,
      detectPodIp: async () => '10.1.2.3',
    });
    const result = await runCliCaptured(cli, argv);
    return { code: result.code, stderr: result.stderr + stderr };
  }

  const natRules = () =>
    namespace
      .exec('iptables-save', ['-t', 'nat'])
      .split('\n')
      .filter((line) => line.startsWith('-A'));

  it("installs the injector default's chains and rules, and a second run replaces rather than duplicates them", async () => {
    const first = await proxyInit(INJECTOR_ARGS);
    expect(first).toEqual({ code: 0, stderr: '' });
    const rules = natRules();
    expect(rules).toEqual(
      expect.arrayContaining([
        '-A PREROUTING -p tcp -j ISTIO_INBOUND',
        '-A OUTPUT -p tcp -j ISTIO_OUTPUT',
        '-A ISTIO_INBOUND -p tcp -m tcp --dport 15020 -j RETURN',
        '-A ISTIO_IN_REDIRECT -p tcp -j REDIRECT --to-ports 15006',
        '-A ISTIO_REDIRECT -p tcp -j REDIRECT --to-ports 15001',
        '-A ISTIO_OUTPUT -m owner --uid-owner 1337 -j RETURN',
      ]),
    );
    expect(rules).toHaveLength(13);

    const second = await proxyInit([...INJECTOR_ARGS.slice(0, -1), '15020,15090']);
    expect(second.code).toBe(0);
    const after = natRules();
    expect(after).toHaveLength(14);
    expect(after).toContain('-A ISTIO_INBOUND -p tcp -m tcp --dport 15090 -j RETURN');
  });

  it('installs TPROXY mangle chains and policy routing', async () => {
    const result = await proxyInit(INJECTOR_ARGS.map((arg) => (arg === 'REDIRECT' ? 'TPROXY' : arg)));
    expect(result.code).toBe(0);
    const mangle = namespace.exec('iptables-save', ['-t', 'mangle']);
    expect(mangle).toContain('-A ISTIO_TPROXY ! -d 127.0.0.1/32 -p tcp -j TPROXY --on-port 15001 --on-ip 0.0.0.0 --tproxy-mark 0x539/0xffffffff');
    expect(namespace.exec('ip', ['rule', 'show'])).toContain('fwmark 0x539 lookup 133');
  });
});

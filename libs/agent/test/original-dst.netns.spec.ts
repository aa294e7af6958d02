import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCliCaptured } from '@isthmus/runtime/testing';
import { spawnTool } from '../src/proxy-init/apply';
import { createProxyInitCommand } from '../src/proxy-init/command';
import { NetworkNamespace, netnsUnavailableReason } from './netns';

const WORKSPACE = join(__dirname, '..', '..', '..');
const ADDON = join(__dirname, '..', 'native', 'build', 'Release', 'original_dst.node');
const TSX = join(WORKSPACE, 'node_modules', '.bin', 'tsx');
const CHILD = join(__dirname, 'fixtures', 'original-dst-child.ts');

const unavailable = netnsUnavailableReason();
const describeNetns = unavailable ? describe.skip : describe;
if (unavailable) console.warn(`SO_ORIGINAL_DST netns tests skipped: ${unavailable}`);

interface ChildReport {
  available: boolean;
  reason?: string;
  observations: { target: string; acceptedOn?: number; original?: { address: string; port: number; family: number }; error?: string }[];
}

describeNetns('SO_ORIGINAL_DST through real iptables REDIRECT rules (fresh network namespace)', () => {
  let namespace: NetworkNamespace;

  beforeAll(() => {
    // CI may not have run build-native; build here (node-gyp against local headers, ~2 s) so the test is real.
    if (!existsSync(ADDON)) execFileSync('bash', [join(__dirname, '..', 'native', 'build.sh')], { stdio: 'pipe' });
  }, 120000);

  beforeEach(() => {
    namespace = NetworkNamespace.create('agent-odst');
    // A "pod network": a veth pair with 10.200.0.1/16, so 10.200.x.y is routed off-box (outbound capture applies).
    namespace.exec('ip', ['link', 'add', 'pod0', 'type', 'veth', 'peer', 'name', 'pod1']);
    namespace.exec('ip', ['link', 'set', 'pod0', 'up']);
    namespace.exec('ip', ['link', 'set', 'pod1', 'up']);
    namespace.exec('ip', ['addr', 'add', '10.200.0.1/16', 'dev', 'pod0']);
    namespace.exec('ip', ['-6', 'addr', 'add', 'fd00:200::1/64', 'dev', 'pod0', 'nodad']);
  });
  afterEach(() => namespace.delete());

  function runChild(...targets: string[]): ChildReport {
    const [command, args] = namespace.wrap(TSX, [CHILD, ...targets]);
    const child = spawnSync(command, args, { encoding: 'utf8', cwd: WORKSPACE, env: { ...process.env, ORIGINAL_DST_ADDON: ADDON }, timeout: 30000 });
    if (child.status !== 0) throw new Error(`child failed (${child.status}): ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as ChildReport;
  }

  async function installInjectorDefaultRules(podIp = '10.200.0.1'): Promise<void> {
    const cli = createProxyInitCommand({
      stdout: { write: () => true },
      stderr: { write: () => true },
      runTool: (tool, args, stdin) => spawnTool('ip', ['netns', 'exec', namespace.name, tool, ...args], stdin),
      detectPodIp: async () => podIp,
    });
    const result = await runCliCaptured(cli, ['-p', '15001', '-z', '15006', '-u', '1337', '-m', 'REDIRECT', '-i', '*', '-x', '', '-b', '*', '-d', '15020']);
    expect(result.code).toBe(0);
  }

  it('recovers the original destination of outbound and loopback-redirected connections under proxy-init rules', async () => {
    await installInjectorDefaultRules();
    const report = runChild('10.200.7.9:8080', '10.200.0.1:9080', 'direct');
    expect(report.available).toBe(true);
    const [outbound, toSelf, direct] = report.observations;
    // App → remote service: ISTIO_OUTPUT → ISTIO_REDIRECT → 15001.
    expect(outbound).toEqual({ target: '10.200.7.9:8080', acceptedOn: 15001, original: { address: '10.200.7.9', port: 8080, family: 4 } });
    // App → its own pod IP: goes out over lo, so `-o lo ! -d 127.0.0.1/32` → ISTIO_IN_REDIRECT → 15006.
    expect(toSelf).toEqual({ target: '10.200.0.1:9080', acceptedOn: 15006, original: { address: '10.200.0.1', port: 9080, family: 4 } });
    // localhost is never captured; conntrack's original destination is the real one.
    expect(direct.original).toEqual({ address: '127.0.0.1', port: Number(direct.target.split(':')[1]), family: 4 });
  });

  it('recovers IPv6 original destinations when the pod is IPv6 (ip6tables rules, IP6T_SO_ORIGINAL_DST)', async () => {
    await installInjectorDefaultRules('fd00:200::1');
    const report = runChild('[fd00:200::7]:8080', '10.200.7.9:8443');
    expect(report.observations).toEqual([
      { target: '[fd00:200::7]:8080', acceptedOn: 15001, original: { address: 'fd00:200::7', port: 8080, family: 6 } },
      { target: '10.200.7.9:8443', acceptedOn: 15001, original: { address: '10.200.7.9', port: 8443, family: 4 } },
    ]);
  });

  it('answers undefined (no NAT entry) when nothing was redirected', () => {
    const report = runChild('direct');
    expect(report.available).toBe(true);
    expect(report.observations[0].acceptedOn).toBeDefined();
    expect(report.observations[0].original).toBeUndefined();
  });
});

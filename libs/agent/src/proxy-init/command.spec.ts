import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCliCaptured } from '@isthmus/runtime/testing';
import { ToolResult, ToolRunner } from './apply';
import { createProxyInitCommand } from './command';

const GOLDEN_DIR = join(__dirname, 'golden');
const update = process.env['UPDATE_GOLDEN'] === '1';

interface Run {
  readonly code: number | void;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs proxy-init with its own output captured (usage errors come from the runtime, the rest from the command). */
async function proxyInit(argv: readonly string[], options: { env?: Record<string, string>; runTool?: ToolRunner; podIp?: string } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const cli = createProxyInitCommand({
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    runTool: options.runTool ?? (async () => ({ missing: true })),
    detectPodIp: async () => options.podIp ?? '10.1.2.3',
  });
  const result = await runCliCaptured(cli, argv, options.env);
  return { code: result.code, stdout: result.stdout + stdout, stderr: result.stderr + stderr };
}

const INJECTOR_ARGS = ['-p', '15001', '-z', '15006', '-u', '1337', '-m', 'REDIRECT', '-i', '*', '-x', '', '-b', '*', '-d', '15020'];

const goldenCases: { name: string; argv: string[]; env?: Record<string, string>; podIp?: string }[] = [
  { name: 'injector-default', argv: INJECTOR_ARGS },
  { name: 'injector-default-tproxy', argv: INJECTOR_ARGS.map((arg) => (arg === 'REDIRECT' ? 'TPROXY' : arg)) },
  {
    name: 'include-ranges-and-ports',
    argv: ['-p', '15001', '-z', '15006', '-u', '1337', '-m', 'REDIRECT', '-i', '10.96.0.0/12,10.244.0.0/16', '-x', '10.96.0.10/32', '-b', '9080,9443', '-d', '15020', '-o', '3306,5432'],
  },
  { name: 'tproxy-port-list', argv: ['-p', '15001', '-z', '15006', '-u', '1337', '-g', '1337,1338', '-m', 'TPROXY', '-i', '', '-b', '9080'] },
  { name: 'no-capture', argv: ['-p', '15001', '-u', '1337', '-i', '', '-b', ''] },
  { name: 'script-defaults', argv: [] },
  {
    name: 'ipv6-pod-kubevirt',
    argv: ['-p', '15001', '-z', '15006', '-u', '1337', '-m', 'REDIRECT', '-i', '10.0.0.0/8,fd00::/8', '-x', '10.0.0.1,fd00:1::/64', '-b', '*', '-d', '15020', '-k', 'eth1,eth2'],
    podIp: 'fd00::5',
  },
  {
    name: 'environment-and-loopback-off',
    argv: ['--disable-redirection-on-local-loopback'],
    env: { ENVOY_PORT: '16001', INBOUND_CAPTURE_PORT: '16006', ISTIO_INBOUND_PORTS: '*', ISTIO_LOCAL_EXCLUDE_PORTS: '15020,15090', ISTIO_SERVICE_CIDR: '*' },
  },
];

describe('proxy-init --dry-run (golden files; UPDATE_GOLDEN=1 rewrites them)', () => {
  it.each(goldenCases)('$name', async ({ name, argv, env, podIp }) => {
    const restore = await proxyInit([...argv, '--dry-run'], { env, podIp });
    const commands = await proxyInit([...argv, '--dry-run', '--format', 'commands'], { env, podIp });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(commands.code).toBe(0);
    const text = `# proxy-init ${argv.map((arg) => (arg === '' ? '""' : arg)).join(' ')}\n${restore.stdout}\n# --format commands\n${commands.stdout}`;
    const file = join(GOLDEN_DIR, `${name}.txt`);
    if (update || !existsSync(file)) {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(file, text);
      if (!update) throw new Error(`golden file ${file} was missing; written — check it and run again`);
    }
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
});

describe('proxy-init flag checks', () => {
  it.each([
    [['-i', '10.0.0.0/33'], '--istio-service-cidr', '10.0.0.0/33'],
    [['-i', '*,10.0.0.0/8'], '--istio-service-cidr', '*'],
    [['-x', 'not-an-ip'], '--istio-service-exclude-cidr', 'not-an-ip'],
    [['-b', '9080,70000'], '--istio-inbound-ports', '70000'],
    [['-d', 'http'], '--istio-local-exclude-ports', 'http'],
    [['-o', '0'], '--istio-local-outbound-ports-exclude', '0'],
    [['-p', 'abc'], '--envoy-port', 'abc'],
    [['-z', '65536'], '--inbound-capture-port', '65536'],
    [['-u', 'istio-proxy'], '--proxy-uid', 'istio-proxy'],
    [['-m', 'NAT'], '--istio-inbound-interception-mode', 'NAT'],
    [['-k', 'bad/name'], '--kube-virt-interfaces', 'bad/name'],
  ])('%j exits 2 naming %s', async (argv, flag, value) => {
    const result = await proxyInit([...argv, '--dry-run']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`flag ${flag}`);
    expect(result.stderr).toContain(value);
  });

  it('a bad value in the environment names the variable and the flag', async () => {
    const result = await proxyInit(['--dry-run'], { env: { ISTIO_SERVICE_CIDR: '300.0.0.0/8' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('environment variable ISTIO_SERVICE_CIDR (flag --istio-service-cidr)');
  });
});

describe('proxy-init applying the rules', () => {
  type Call = { tool: string; args: readonly string[]; stdin?: string };
  function recorder(answer: (call: Call) => ToolResult) {
    const calls: Call[] = [];
    const run: ToolRunner = async (tool, args, stdin) => {
      const call = { tool, args, stdin };
      calls.push(call);
      return answer(call);
    };
    return { calls, run };
  }

  it('cleans up, then loads iptables and ip6tables with one restore each', async () => {
    const { calls, run } = recorder(() => ({ missing: false, code: 0, stderr: '' }));
    const result = await proxyInit(INJECTOR_ARGS, { runTool: run });
    expect(result.code).toBe(0);
    const restores = calls.filter((call) => call.tool.endsWith('-restore'));
    expect(restores.map((call) => [call.tool, call.args])).toEqual([
      ['iptables-restore', ['--noflush']],
      ['ip6tables-restore', ['--noflush']],
    ]);
    expect(restores[0].stdin).toContain('-A ISTIO_INBOUND -p tcp --dport 15020 -j RETURN');
    const firstRestore = calls.indexOf(restores[0]);
    expect(calls.slice(0, firstRestore).every((call) => call.tool === 'iptables' && ['-D', '-F', '-X'].includes(call.args[2]))).toBe(true);
  });

  it('exits 1 with an install hint when iptables is missing', async () => {
    const { run } = recorder(() => ({ missing: true }));
    const result = await proxyInit(INJECTOR_ARGS, { runTool: run });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('iptables-restore not found: install iptables');
  });

  it('exits 1 naming NET_ADMIN when the kernel refuses', async () => {
    const { run } = recorder((call) =>
      call.tool === 'iptables-restore' ? { missing: false, code: 4, stderr: 'iptables-restore v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n' } : { missing: false, code: 0, stderr: '' },
    );
    const result = await proxyInit(INJECTOR_ARGS, { runTool: run });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/iptables-restore failed \(exit 4\): .*Permission denied.*NET_ADMIN/);
  });

  it('retries without best-effort rules (no -m socket support) and warns', async () => {
    const { calls, run } = recorder((call) =>
      call.tool === 'iptables-restore' && call.stdin?.includes('-m socket') ? { missing: false, code: 2, stderr: "Couldn't load match `socket'\n" } : { missing: false, code: 0, stderr: '' },
    );
    const tproxy = INJECTOR_ARGS.map((arg) => (arg === 'REDIRECT' ? 'TPROXY' : arg));
    const result = await proxyInit(tproxy, { runTool: run });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('retrying without them');
    const restores = calls.filter((call) => call.tool === 'iptables-restore');
    expect(restores).toHaveLength(2);
    expect(restores[1].stdin).toContain('-A ISTIO_INBOUND -p tcp -j ISTIO_TPROXY');
    expect(calls.filter((call) => call.tool === 'ip').map((call) => call.args.join(' '))).toEqual([
      '-f inet rule add fwmark 1337 lookup 133',
      '-f inet route add local default dev lo table 133',
    ]);
  });
});

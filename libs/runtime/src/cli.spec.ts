import { runCli } from './cli';
import { defineCommand } from './command';
import { boolFlag, durationFlag, enumFlag, intFlag, listFlag, stringFlag } from './flags';

const seen: unknown[] = [];
const discovery = defineCommand({
  name: 'discovery',
  summary: 'Start the discovery service',
  flags: {
    grpcAddr: stringFlag({ name: 'grpcAddr', default: ':15010', description: 'gRPC address', env: 'PILOT_GRPC_ADDR' }),
    port: intFlag({ name: 'port', default: 8080, description: 'HTTP port', min: 1, max: 65535, env: 'PILOT_HTTP_PORT' }),
    verbose: boolFlag({ name: 'verbose', default: false, description: 'More output' }),
    timeout: durationFlag({ name: 'timeout', default: '1m0s', description: 'Timeout' }),
    mode: enumFlag({ name: 'mode', default: 'REDIRECT', choices: ['REDIRECT', 'TPROXY'] as const, description: 'Mode', short: 'm' }),
    registries: listFlag({ name: 'registries', default: ['Kubernetes'], description: 'Registries' }),
  },
  run: ({ flags, args }) => {
    seen.push({ flags, args });
    return 0;
  },
});
const root = defineCommand({ name: 'pilot', summary: 'Pilot', flags: {}, subcommands: [discovery] });

async function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  seen.length = 0;
  const code = await runCli(root, {
    argv,
    env,
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
  });
  return { code, out: out.join(''), err: err.join(''), values: seen[0] as { flags: Record<string, unknown>; args: string[] } };
}

describe('runCli', () => {
  it('applies defaults', async () => {
    const { code, values } = await run(['discovery']);
    expect(code).toBe(0);
    expect(values.flags).toEqual({
      grpcAddr: ':15010',
      port: 8080,
      verbose: false,
      timeout: 60_000,
      mode: 'REDIRECT',
      registries: ['Kubernetes'],
    });
  });

  it('parses every flag form', async () => {
    const { values } = await run([
      'discovery',
      '--grpcAddr',
      '127.0.0.1:1',
      '--port=9',
      '--verbose',
      '--timeout',
      '500ms',
      '-m',
      'TPROXY',
      '--registries',
      'Kubernetes,MCP',
      '--registries=Memory',
    ]);
    expect(values.flags).toMatchObject({
      grpcAddr: '127.0.0.1:1',
      port: 9,
      verbose: true,
      timeout: 500,
      mode: 'TPROXY',
      registries: ['Kubernetes', 'MCP', 'Memory'],
    });
  });

  it('takes values from the environment below the command line', async () => {
    expect((await run(['discovery'], { PILOT_GRPC_ADDR: ':1' })).values.flags.grpcAddr).toBe(':1');
    expect((await run(['discovery', '--grpcAddr', ':2'], { PILOT_GRPC_ADDR: ':1' })).values.flags.grpcAddr).toBe(':2');
  });

  it('prints help with every flag, its default and env var', async () => {
    const { code, out } = await run(['discovery', '--help']);
    expect(code).toBe(0);
    expect(out).toContain('Usage: pilot discovery [flags]');
    expect(out).toContain('--grpcAddr string');
    expect(out).toContain('(default ":15010") [env PILOT_GRPC_ADDR]');
    expect(out).toContain('(default 1m0s)');
    expect(out).toContain('-m, --mode REDIRECT|TPROXY');
  });

  it('prints the command list for a command without run', async () => {
    const { code, out } = await run([]);
    expect(code).toBe(0);
    expect(out).toContain('discovery  Start the discovery service');
  });

  it.each([
    [['discovery', '--nope'], "pilot: unknown flag --nope (see 'pilot discovery --help')"],
    [['discovery', '--port', 'abc'], 'invalid value "abc" for flag --port: expected an integer from 1 to 65535'],
    [['discovery', '--port', '70000'], 'expected an integer from 1 to 65535'],
    [['discovery', '--timeout=10'], 'invalid value "10" for flag --timeout: expected a duration'],
    [['discovery', '--mode', 'X'], 'expected one of REDIRECT, TPROXY'],
    [['discovery', '--verbose=maybe'], 'expected true or false'],
    [['discovery', '--grpcAddr'], 'flag --grpcAddr needs a value'],
    [['discovery', 'extra'], 'unexpected argument "extra"'],
    [['bogus'], 'unknown command "bogus"'],
    [['discovery', '--port', '1', '--port', '2'], 'given 2 times'],
  ])('%p exits 2 with one line', async (argv, message) => {
    const { code, err, values } = await run(argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(values).toBeUndefined();
  });

  it('names the environment variable when its value is malformed', async () => {
    const { code, err } = await run(['discovery'], { PILOT_HTTP_PORT: 'x' });
    expect(code).toBe(2);
    expect(err).toContain('invalid value "x" for environment variable PILOT_HTTP_PORT (flag --port)');
  });
});

import { analyze } from '@isthmus/config-model';
import { defineCommand, enumFlag, listFlag, stringFlag } from '@isthmus/runtime';
import { CommandIo, processIo, readConfigInputs, report, validateInputs } from './config-input';

/** `istioctl x analyze -f <files>`: validation plus cross-resource checks. */
export function createAnalyzeCommand(io: CommandIo) {
  return defineCommand({
    name: 'analyze',
    summary: 'Analyze Istio configuration across resources (exit 0 ok, 1 errors, 2 unreadable)',
    description:
      'Validates every resource, then reports subsets no DestinationRule defines, hosts claimed by several VirtualServices on one gateway, DestinationRules for unknown hosts, gateway selectors matching no workload and Service ports without a protocol prefix.',
    flags: {
      filename: listFlag({ name: 'filename', short: 'f', default: [], description: 'File, directory or - (stdin); repeatable' }),
      output: enumFlag<'text' | 'json'>({ name: 'output', short: 'o', default: 'text', choices: ['text', 'json'], description: 'Output format' }),
      namespace: stringFlag({ name: 'namespace', short: 'n', default: 'default', description: 'Namespace for resources that do not name one' }),
    },
    run: async ({ flags }) => {
      if (flags.filename.length === 0) {
        io.stderr.write("istioctl x analyze: no input: give -f <file|dir|-> (see 'istioctl x analyze --help')\n");
        return 2;
      }
      const read = await readConfigInputs(flags.filename, io);
      const { objects, problems } = validateInputs(read.inputs, flags.namespace);
      return report(io, 'x analyze', flags.output, read, objects, [...problems, ...analyze(objects)]);
    },
  });
}

/** `istioctl x` (experimental) and its subcommands. */
export function createExperimentalCommand(io: CommandIo, name = 'x') {
  return defineCommand({
    name,
    summary: 'Experimental commands',
    flags: {},
    subcommands: [createAnalyzeCommand(io)],
  });
}

export const experimentalCommand = createExperimentalCommand(processIo);

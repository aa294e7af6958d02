import { defineCommand, enumFlag, listFlag, stringFlag } from '@isthmus/runtime';
import { CommandIo, processIo, readConfigInputs, report, validateInputs } from './config-input';

/** `istioctl validate -f <file|dir|->`: checks each resource against the config model. */
export function createValidateCommand(io: CommandIo) {
  return defineCommand({
    name: 'validate',
    summary: 'Validate Istio configuration files (exit 0 valid, 1 invalid, 2 unreadable)',
    description: 'Prints `<file>: <Kind>/<namespace>/<name>: <path>: <message>` for each problem. Directories are read recursively (*.yaml, *.yml, *.json); `-` reads stdin.',
    flags: {
      filename: listFlag({ name: 'filename', short: 'f', default: [], description: 'File, directory or - (stdin) to validate; repeatable' }),
      output: enumFlag<'text' | 'json'>({ name: 'output', short: 'o', default: 'text', choices: ['text', 'json'], description: 'Output format' }),
      namespace: stringFlag({ name: 'namespace', short: 'n', default: 'default', description: 'Namespace for resources that do not name one' }),
    },
    run: async ({ flags }) => {
      if (flags.filename.length === 0) {
        io.stderr.write("istioctl validate: no input: give -f <file|dir|-> (see 'istioctl validate --help')\n");
        return 2;
      }
      const read = await readConfigInputs(flags.filename, io);
      const { objects, problems } = validateInputs(read.inputs, flags.namespace);
      return report(io, 'validate', flags.output, read, objects, problems);
    },
  });
}

export const validateCommand = createValidateCommand(processIo);

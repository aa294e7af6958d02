import { defineCommand } from '@isthmus/runtime';
import { istioctlCommands } from './commands';

export const istioctlCommand = defineCommand({
  name: 'istioctl',
  summary: 'Isthmus command-line tool: validate config, inspect proxies, verify the install',
  flags: {},
  subcommands: istioctlCommands,
});

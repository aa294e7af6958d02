import { Command, FlagDefs } from '@isthmus/runtime';
import { experimentalCommand } from './analyze';
import { validateCommand } from './validate';
import { versionCommand } from './version';

/** Every istioctl verb; each lives in its own module under commands/. */
export const istioctlCommands: readonly Command<FlagDefs>[] = [versionCommand, validateCommand, experimentalCommand];

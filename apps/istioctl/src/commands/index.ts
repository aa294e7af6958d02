import { Command, FlagDefs } from '@isthmus/runtime';
import { versionCommand } from './version';

/** Every istioctl verb; each lives in its own module under commands/. */
export const istioctlCommands: readonly Command<FlagDefs>[] = [versionCommand];

import { main } from '@isthmus/runtime';
import { istioctlCommand } from './cli';

main(istioctlCommand);

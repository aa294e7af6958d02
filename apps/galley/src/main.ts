import { main } from '@isthmus/runtime';
import { galleyCommand } from './cli';

main(galleyCommand);

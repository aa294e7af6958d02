import { main } from '@isthmus/runtime';
import { mixerCommand } from './cli';

main(mixerCommand);

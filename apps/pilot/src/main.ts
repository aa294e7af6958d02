import { main } from '@isthmus/runtime';
import { pilotCommand } from './cli';

main(pilotCommand);

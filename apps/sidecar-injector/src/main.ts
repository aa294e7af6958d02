import { main } from '@isthmus/runtime';
import { injectorCommand } from './cli';

main(injectorCommand);

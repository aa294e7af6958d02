import { main } from '@isthmus/runtime';
import { citadelCommand } from './cli';

main(citadelCommand);

import './v8-tuning';
import { main } from '@isthmus/runtime';
import { gatewayCommand } from './cli';

main(gatewayCommand);

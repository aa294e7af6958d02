import { down } from '../lib/environment';
import { info } from '../lib/log';

export async function downCommand(): Promise<void> {
  const stopped = await down();
  info(stopped.length > 0 ? `stopped ${stopped.join(', ')}; state removed` : 'nothing was running; state removed');
}

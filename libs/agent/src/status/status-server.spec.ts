import { isLoopbackAddress } from './status-server';

describe('isLoopbackAddress (who may call /quitquitquit)', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.0.0.6', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.1.2.3', false],
    ['::ffff:10.1.2.3', false],
    ['fd00::1', false],
    [undefined, false],
  ])('%s → %s', (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });
});

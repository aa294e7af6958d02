import { Backoff } from './backoff';

describe('Backoff', () => {
  it('grows exponentially up to the max and resets', () => {
    const backoff = new Backoff({ initialMs: 100, maxMs: 1_000, jitter: 0 });
    expect([backoff.next(), backoff.next(), backoff.next(), backoff.next(), backoff.next()]).toEqual([100, 200, 400, 800, 1_000]);
    backoff.reset();
    expect(backoff.next()).toBe(100);
  });

  it('spreads delays by the jitter fraction', () => {
    expect(new Backoff({ initialMs: 100, maxMs: 1_000, jitter: 0.5 }, () => 0).next()).toBe(50);
    expect(new Backoff({ initialMs: 100, maxMs: 1_000, jitter: 0.5 }, () => 1).next()).toBe(150);
  });
});

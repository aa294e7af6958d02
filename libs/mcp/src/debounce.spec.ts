import { Debouncer } from './debounce';

describe('Debouncer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('coalesces a burst into one flush after the quiet period', () => {
    const flush = jest.fn();
    const debouncer = new Debouncer({ quietMs: 100, maxDelayMs: 1000 }, flush);
    debouncer.trigger();
    jest.advanceTimersByTime(50);
    debouncer.trigger();
    jest.advanceTimersByTime(99);
    expect(flush).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('flushes by the max delay during a continuous stream of changes', () => {
    const flush = jest.fn();
    const debouncer = new Debouncer({ quietMs: 100, maxDelayMs: 250 }, flush);
    for (let i = 0; i < 10; i++) {
      debouncer.trigger();
      jest.advanceTimersByTime(60);
    }
    expect(flush.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('does nothing after stop', () => {
    const flush = jest.fn();
    const debouncer = new Debouncer({ quietMs: 10, maxDelayMs: 10 }, flush);
    debouncer.trigger();
    debouncer.stop();
    debouncer.trigger();
    jest.advanceTimersByTime(100);
    expect(flush).not.toHaveBeenCalled();
  });
});

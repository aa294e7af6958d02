import { Debouncer } from './debounce';

describe('Debouncer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function make(fired: string[][]) {
    return new Debouncer<string[]>(
      { afterMs: 100, maxMs: 1_000, merge: (a, b) => [...a, ...b], fire: (event) => void fired.push(event) },
      () => Date.now(),
    );
  }

  it('merges a burst into one fire after the quiet period', async () => {
    const fired: string[][] = [];
    const debouncer = make(fired);
    debouncer.push(['a']);
    await jest.advanceTimersByTimeAsync(50);
    debouncer.push(['b']);
    await jest.advanceTimersByTimeAsync(99);
    expect(fired).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(fired).toEqual([['a', 'b']]);
  });

  it('fires by the max delay under a continuous stream of events', async () => {
    const fired: string[][] = [];
    const debouncer = make(fired);
    for (let i = 0; i < 20; i++) {
      debouncer.push([String(i)]);
      await jest.advanceTimersByTimeAsync(60);
    }
    expect(fired.length).toBe(1);
    expect(fired[0].length).toBeGreaterThanOrEqual(16);
    debouncer.close();
  });

  it('never overlaps fires; events during a fire go to the next one', async () => {
    const fired: string[][] = [];
    let release: () => void = () => undefined;
    const debouncer = new Debouncer<string[]>({
      afterMs: 10,
      maxMs: 100,
      merge: (a, b) => [...a, ...b],
      fire: (event) => {
        fired.push(event);
        return event[0] === 'slow' ? new Promise<void>((resolve) => (release = resolve)) : undefined;
      },
    });
    debouncer.push(['slow']);
    await jest.advanceTimersByTimeAsync(10);
    debouncer.push(['x']);
    debouncer.push(['y']);
    await jest.advanceTimersByTimeAsync(50);
    expect(fired).toEqual([['slow']]);
    release();
    await jest.advanceTimersByTimeAsync(20);
    expect(fired).toEqual([['slow'], ['x', 'y']]);
  });

  it('reports a failing fire and keeps working', async () => {
    const errors: unknown[] = [];
    const fired: string[] = [];
    const debouncer = new Debouncer<string>({
      afterMs: 10,
      maxMs: 100,
      merge: (_a, b) => b,
      fire: (event) => {
        if (event === 'bad') throw new Error('boom');
        fired.push(event);
      },
      onError: (error) => errors.push(error),
    });
    debouncer.push('bad');
    await jest.advanceTimersByTimeAsync(10);
    debouncer.push('good');
    await jest.advanceTimersByTimeAsync(10);
    expect(errors).toHaveLength(1);
    expect(fired).toEqual(['good']);
  });
});

import { describe, expect, it } from 'vitest';
import { memoize, onceEach } from '../../src/core/memoize.js';

describe('memoize', () => {
  it('answers as the function does, computing each repeated value once', () => {
    let calls = 0;
    const upper = memoize((raw: string) => {
      calls++;
      return raw.toUpperCase();
    });
    const values = Array.from({ length: 1000 }, (_, i) => ['a', 'b', 'c'][i % 3] as string);
    expect(values.map(upper)).toEqual(values.map((v) => v.toUpperCase()));
    expect(calls).toBe(3);
  });

  it('keeps at most `limit` answers', () => {
    let calls = 0;
    const id = memoize(
      (raw: string) => {
        calls++;
        return raw;
      },
      2,
      1000,
    );
    for (const v of ['a', 'b', 'c', 'c', 'a']) id(v);
    // a and b kept; c computed twice.
    expect(calls).toBe(4);
  });

  it('stops keeping answers once most look-ups of the trial missed (values that rarely repeat)', () => {
    let calls = 0;
    const id = memoize(
      (raw: string) => {
        calls++;
        return raw;
      },
      100,
      10,
    );
    for (let i = 0; i < 10; i++) id(String(i));
    id('0');
    id('0');
    expect(calls).toBe(12);
  });
});

describe('onceEach', () => {
  it('makes each key once', () => {
    const made: number[] = [];
    const square = onceEach((n: number) => {
      made.push(n);
      return { n: n * n };
    });
    expect(square(3)).toBe(square(3));
    expect(square(4).n).toBe(16);
    expect(made).toEqual([3, 4]);
  });
});

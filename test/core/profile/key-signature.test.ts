import { describe, expect, it } from 'vitest';
import { keyOverlap, keySignature } from '../../../src/core/profile/key-signature.js';

const keys = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `acct-${from + i}`);

describe('keySignature / keyOverlap (bottom-k sketch)', () => {
  it("estimates the share of a report's keys the signed set holds, within 0.15, over many overlaps and sizes", () => {
    const signed = keySignature(keys(0, 2000));
    expect(signed.count).toBe(2000);
    for (const [from, to, truth] of [
      [0, 2000, 1],
      [1000, 3000, 0.5],
      [1800, 2200, 0.5],
      [5000, 6000, 0],
      [0, 500, 1],
      [1500, 4500, 500 / 3000],
    ] as const) {
      const got = keyOverlap(signed, keys(from, to)) as number;
      expect(Math.abs(got - truth), `keys ${from}-${to}`).toBeLessThanOrEqual(0.15);
    }
  });

  it('ignores repeats and empty keys, and reads no signature it did not write', () => {
    expect(keySignature(['a', 'a', '', 'b']).count).toBe(2);
    expect(keyOverlap({ count: 2, sketch: 'not base64!' }, ['a'])).toBeNull();
    expect(keyOverlap({ count: 2, sketch: btoa('short') }, ['a'])).toBeNull();
    // Ten keys against a sketch of 100,000: none falls under its bound, so nothing can be said.
    expect(keyOverlap(keySignature(keys(0, 100_000)), keys(200_000, 200_010))).toBeNull();
    expect(keyOverlap(keySignature(['a', 'b']), [])).toBe(0);
  });
});

import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PartDigest, partDigest } from '../../src/cli/part-digest.js';

describe('PartDigest', () => {
  it('is the sha256 of JSON.stringify([header, rows]), a row at a time or for a table (property)', () => {
    const cell = fc.string({ unit: 'grapheme', maxLength: 40 });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 4 }), fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 3000 }), (header, rows) => {
        const want = createHash('sha256')
          .update(JSON.stringify([header, rows]))
          .digest('hex');
        const digest = new PartDigest(header);
        for (const row of rows) digest.add(row);
        expect(digest.digest()).toBe(want);
        expect(partDigest({ name: 'p.csv', header, rows, lines: [], sha256: 'file' }).sha256).toBe(want);
      }),
      { numRuns: 60 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { findPersonas } from '../../../src/core/personas/find-personas.js';

describe('findPersonas', () => {
  it('takes a deals export of 130,000 rows grouped by account (no spread of them on the stack)', () => {
    const n = 130_000;
    // One contact a deal: a finance leader on every won deal, someone else on the lost ones.
    const best = Array.from({ length: n }, (_, i) => i % 2 === 0);
    const contacts = best.map((won) => [{ seniority: ['unknown' as const], function: won ? ('finance' as const) : ('other' as const) }]);
    const clusters = Array.from({ length: n }, (_, i) => Math.floor(i / 4));
    const { found } = findPersonas({ contacts, best, alpha: 0.05, minLift: 1.5, minSupport: 0.05, seed: 1, clusters });
    expect(found.map((p) => p.function)).toEqual(['finance']);
  });
});

import { cochranMantelHaenszel, fisherExact, type TwoByTwo } from '../stats/index.js';
import type { Sample } from './search-types.js';
import type { Selected } from './select-types.js';

/** The conditional tests of forward selection: does a criterion add anything once a stronger related one is known? */

/** Values it was picked from times the values it holds: the Bonferroni factor of its conditional tests. */
export function picks(s: Selected): number {
  const m = s.match;
  const held = 'in' in m ? m.in.length : 'contains_any' in m ? m.contains_any.length : 1;
  return Math.max(1, s.tries) * held;
}

// Two criteria are related when their memberships are associated beyond this p (Fisher); unrelated
// attributes are never tested further.
const RELATED_P = 0.001;

function crossTable(x: Int8Array, y: Int8Array, sample: Sample): TwoByTwo {
  const t = { a: 0, b: 0, c: 0, d: 0 };
  for (const r of sample.rows) {
    const m = x[r] as number;
    const n = y[r] as number;
    if (m < 0 || n < 0) continue;
    if (m) n ? t.a++ : t.b++;
    else n ? t.c++ : t.d++;
  }
  return t;
}

/** Whether `next` adds nothing once `chosen` is known: related, and no contrast left within chosen's yes/no strata. */
export function addsNothing(next: Selected, chosen: Selected, sample: Sample, alpha: number): boolean {
  if (next.slot !== chosen.slot && fisherExact(crossTable(next.members, chosen.members, sample)).pValue >= RELATED_P) return false;
  const strata = [1, 0].map((stratum) => {
    const t = { a: 0, b: 0, c: 0, d: 0 };
    for (const r of sample.rows) {
      const m = next.members[r] as number;
      if (m < 0 || chosen.members[r] !== stratum) continue;
      if (sample.labels[r] === 1) m ? t.a++ : t.b++;
      else m ? t.c++ : t.d++;
    }
    return t;
  });
  const cmh = cochranMantelHaenszel(strata);
  return cmh === null || cmh.pValue >= alpha;
}

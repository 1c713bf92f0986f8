import type { Match } from '../icp/schema.js';
import { benjaminiHochberg, fisherExact } from '../stats/index.js';
import { codeCounts } from './code-counts.js';
import { countedOnce } from './counted-once.js';
import type { EncodedColumn } from './encode.js';
import { intervalTest } from './interval-search.js';
import { support, type Sample, type SearchOptions, type Test } from './search-types.js';

function valueTests(column: EncodedColumn & { kind: 'category' | 'multi' }, slot: number, sample: Sample, o: SearchOptions): Omit<Test, 'qValue'>[] {
  const { cohort, rest, cohortKnown, restKnown } = codeCounts(column, sample);
  const out: Omit<Test, 'qValue'>[] = [];
  // A value is tested when it is common enough that it could reach --min-support in the cohort or the
  // rest: judged on its count alone, so that which values are tested never depends on the outcome.
  const need = Math.min(support(o.minSupport, cohortKnown), support(o.minSupport, restKnown));
  column.names.forEach((name, code) => {
    const a = cohort[code] as number;
    const c = rest[code] as number;
    if (a + c < need) return;
    const table = { a, b: cohortKnown - a, c, d: restKnown - c };
    if (a + c === 0 || table.b + table.d === 0) return;
    const match: Match = column.kind === 'category' ? { in: [name] } : { contains_any: [name] };
    out.push({ slot, kind: column.kind === 'category' ? 'value' : 'token', code, match, table, pValue: fisherExact(table).pValue, tries: 1 });
  });
  return out;
}

/** counts[2 * flag + label] of a boolean column over the sample's rows (unknown, -1, is not counted). */
function countFlags(flags: Int8Array, sample: Sample): Int32Array {
  const counts = new Int32Array(4);
  const { rows, labels } = sample;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    const f = flags[r] as number;
    if (f < 0) continue;
    const k = 2 * f + (labels[r] as number);
    counts[k] = (counts[k] as number) + 1;
  }
  return counts;
}

function booleanTest(column: EncodedColumn & { kind: 'boolean' }, slot: number, sample: Sample): Omit<Test, 'qValue'> | undefined {
  const counts = countedOnce(column, sample, (s) => countFlags(column.flags, s));
  const t = { a: counts[3] as number, b: counts[1] as number, c: counts[2] as number, d: counts[0] as number };
  if (t.a + t.c === 0 || t.b + t.d === 0) return undefined;
  return { slot, kind: 'boolean', match: { equals: true }, table: t, pValue: fisherExact(t).pValue, tries: 1 };
}

/**
 * Every hypothesis of every column on one sample, with Benjamini-Hochberg q-values over them all: one
 * family, whatever the number of columns, values and intervals.
 */
export function searchColumns(columns: readonly EncodedColumn[], sample: Sample, o: SearchOptions): Test[] {
  const tests: Omit<Test, 'qValue'>[] = [];
  // A number whose every interval misses --min-lift was still searched: it stays in the family with p = 1.
  let searchedInVain = 0;
  columns.forEach((column, slot) => {
    if (column.kind === 'category' || column.kind === 'multi') tests.push(...valueTests(column, slot, sample, o));
    else if (column.kind === 'numeric') {
      const t = intervalTest(column, slot, sample, o);
      if (t) tests.push(t);
      else searchedInVain++;
    } else {
      const t = booleanTest(column, slot, sample);
      if (t) tests.push(t);
    }
  });
  const q = benjaminiHochberg([...tests.map((t) => t.pValue), ...new Array<number>(searchedInVain).fill(1)]);
  return tests.map((t, i) => ({ ...t, qValue: q[i] as number }));
}

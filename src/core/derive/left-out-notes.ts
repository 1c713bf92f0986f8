import type { ColumnInfo } from '../columns/infer.js';
import { labelFor } from './labels.js';
import { liftOf } from './search-types.js';
import type { LeftOut, LeftOutReason } from './select.js';

/** How many left-out criteria of one reason are named before "and N more". */
const SHOWN_PER_REASON = 6;

const HEADINGS: Record<LeftOutReason, string> = {
  nested: 'nested',
  correlated: 'correlated',
  redundant: 'redundant',
  below_lift: 'below lift',
  capped: 'capped',
  anti_not_beyond_selection: 'anti-fit not beyond selection',
  unstable: 'unstable',
  negligible: 'negligible in the multivariable fit',
  sign: 'sign reversed in the multivariable fit',
};

function why(l: LeftOut, columns: readonly ColumnInfo[], minLift: number): string {
  const header = (column: number) => (columns[column] as ColumnInfo).header;
  const because = l.because;
  switch (l.reason) {
    case 'nested':
      return `inside ${header(because?.column ?? 0)}: no contrast left within its values`;
    case 'correlated':
      return `follows ${header(because?.column ?? 0)} (rank correlation above 0.9): no contrast left within 50 bins of it`;
    case 'redundant': {
      const col = columns[because?.column ?? 0] as ColumnInfo;
      return because?.match ? `adds nothing once ${labelFor(col.header, because.match, col.type === 'date')} is known` : 'adds nothing';
    }
    case 'below_lift': {
      const lift = liftOf(l.criterion.table);
      return `lift ${Number.isFinite(lift) ? lift.toFixed(2) : '∞'}, ${l.criterion.direction === 'fit' ? `under the minimum of ${minLift}` : `not below 1/${minLift}`}`;
    }
    case 'capped':
      return 'beyond the strongest criteria the maximum allows';
    case 'anti_not_beyond_selection':
      return `restates "not the fit set" (selection-aware permutation p = ${l.criterion.pValue.toPrecision(2)}, needs < 0.01)`;
    case 'unstable':
      return l.detail ?? 'rarely chosen again on half-samples';
    case 'negligible':
    case 'sign':
      return `once the other criteria are known (${l.detail ?? 'fitted effect'})`;
  }
}

/** One note per reason a significant criterion was left out, naming the criteria and why. */
export function leftOutNotes(leftOut: readonly LeftOut[], columns: readonly ColumnInfo[], minLift: number): string[] {
  const byReason = new Map<LeftOutReason, LeftOut[]>();
  for (const l of leftOut) byReason.set(l.reason, [...(byReason.get(l.reason) ?? []), l]);
  const notes: string[] = [];
  for (const reason of Object.keys(HEADINGS) as LeftOutReason[]) {
    const group = byReason.get(reason);
    if (!group) continue;
    const items = group.slice(0, SHOWN_PER_REASON).map((l) => {
      const col = columns[l.criterion.column] as ColumnInfo;
      return `${labelFor(col.header, l.criterion.match, col.type === 'date')} (${why(l, columns, minLift)})`;
    });
    const more = group.length > SHOWN_PER_REASON ? `; and ${group.length - SHOWN_PER_REASON} more` : '';
    notes.push(`Left out (${HEADINGS[reason]}): ${items.join('; ')}${more}.`);
  }
  return notes;
}

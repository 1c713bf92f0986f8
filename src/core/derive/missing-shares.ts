import { fisherExact } from '../stats/fisher.js';

/** One attribute column as derive read it: a value per customer, null where the cell is missing; or 1 per missing customer. */
export type MissingShareColumn = { name: string; values: readonly unknown[] } | { name: string; missing: Uint8Array };

export interface MissingShareOptions {
  /** How the cohort is called in the note (default "the best customers"). */
  cohortName?: string;
  /** Fisher p below which a difference is noted (default 0.001). */
  alpha?: number;
  /** Smallest absolute difference of the two shares noted, as a fraction (default 0.05, 5 points). */
  minDifference?: number;
}

function percent(share: number): string {
  const p = 100 * share;
  if (p > 0 && p < 1) return '<1%';
  if (p < 100 && p > 99) return '>99%';
  return `${Math.round(p)}%`;
}

/**
 * Data quality notes for columns whose missing share differs between the cohort and the rest (two-sided
 * Fisher p < alpha and at least minDifference apart), e.g. "Data quality: origin is missing for 22% of the
 * best customers and 13% of the rest". Never a criterion: a blank cell says who filled in the CRM, not who
 * the customer is. Only null counts as missing (an unreadable value is present). Columns in input order.
 */
export function missingShareNotes(columns: readonly MissingShareColumn[], cohort: readonly boolean[], options: MissingShareOptions = {}): string[] {
  const { cohortName = 'the best customers', alpha = 0.001, minDifference = 0.05 } = options;
  const notes: string[] = [];
  for (const column of columns) {
    let a = 0; // cohort, missing
    let b = 0; // cohort, present
    let c = 0; // rest, missing
    let d = 0; // rest, present
    const isMissing = 'missing' in column ? (i: number) => column.missing[i] === 1 : (i: number) => column.values[i] === null;
    const n = Math.min('missing' in column ? column.missing.length : column.values.length, cohort.length);
    for (let i = 0; i < n; i++) {
      const missing = isMissing(i);
      if (cohort[i]) missing ? a++ : b++;
      else missing ? c++ : d++;
    }
    if (a + b === 0 || c + d === 0 || a + c === 0) continue;
    const inCohort = a / (a + b);
    const inRest = c / (c + d);
    if (Math.abs(inCohort - inRest) < minDifference - 1e-9) continue; // 15% - 10% is 5 points, not 4.99...
    if (fisherExact({ a, b, c, d }).pValue >= alpha) continue;
    notes.push(
      `Data quality: ${column.name} is missing for ${percent(inCohort)} of ${cohortName} and ${percent(inRest)} of the rest; a blank says who filled in the CRM, so it is no criterion.`,
    );
  }
  return notes;
}

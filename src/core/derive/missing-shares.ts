import { fisherExact } from '../stats/fisher.js';
import type { AttributeColumn } from './attribute-column.js';

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
 * the customer is. Only null counts as missing (an unreadable value is present), judged once per distinct
 * value. Columns in input order, named by their headers.
 */
export function missingShareNotes(columns: readonly AttributeColumn[], cohort: readonly boolean[], options: MissingShareOptions = {}): string[] {
  const { cohortName = 'the best customers', alpha = 0.001, minDifference = 0.05 } = options;
  const notes: string[] = [];
  for (const column of columns) {
    let a = 0; // cohort, missing
    let b = 0; // cohort, present
    let c = 0; // rest, missing
    let d = 0; // rest, present
    const { ids, distinct } = column;
    const missingId = distinct.map((v) => v === null);
    const n = Math.min(ids.length, cohort.length);
    for (let i = 0; i < n; i++) {
      const missing = missingId[ids[i] as number];
      if (cohort[i]) missing ? a++ : b++;
      else missing ? c++ : d++;
    }
    if (a + b === 0 || c + d === 0 || a + c === 0) continue;
    const inCohort = a / (a + b);
    const inRest = c / (c + d);
    if (Math.abs(inCohort - inRest) < minDifference - 1e-9) continue; // 15% - 10% is 5 points, not 4.99...
    if (fisherExact({ a, b, c, d }).pValue >= alpha) continue;
    notes.push(
      `Data quality: ${column.info.header} is missing for ${percent(inCohort)} of ${cohortName} and ${percent(inRest)} of the rest; a blank says who filled in the CRM, so it is no criterion.`,
    );
  }
  return notes;
}

import type { CellValue } from '../columns/cell-value.js';
import type { CompiledCriterion, CompiledIcp } from '../score/compile.js';
import { categoryKey, rangeNumber, tokensOf } from '../score/match.js';
import { populationStabilityIndex } from '../stats/index.js';

/** How much one criterion's attribute moved between two populations of accounts. */
export interface Stability {
  label: string;
  column: string;
  bins: string[];
  before: number[];
  during: number[];
  psi: number;
}

/** The bins a criterion's attribute is counted in: its own values (or below/in/above its range), other, unknown. */
function binsOf(c: CompiledCriterion): { names: string[]; bin(value: CellValue | null | undefined): number } {
  const m = c.criterion.match;
  if ('range' in m) {
    return {
      names: ['below', 'in range', 'above', 'unknown'],
      bin: (v) => {
        const n = v === null || v === undefined ? undefined : rangeNumber(v, c.isDate);
        if (n === undefined) return 3;
        if (m.range.min !== undefined && n < m.range.min) return 0;
        if (m.range.max !== undefined && n > m.range.max) return 2;
        return 1;
      },
    };
  }
  if ('equals' in m) return { names: ['yes', 'no', 'unknown'], bin: (v) => (typeof v === 'boolean' ? (v ? 0 : 1) : 2) };
  const values = 'in' in m ? m.in : m.contains_any;
  const keys = values.map(categoryKey);
  return {
    names: [...values, 'other', 'unknown'],
    bin: (v) => {
      if (v === null || v === undefined) return values.length + 1;
      const tokens = tokensOf(v) ?? [];
      const hit = tokens.map((t) => keys.indexOf(categoryKey(t))).find((i) => i >= 0);
      return hit ?? values.length;
    },
  };
}

/**
 * Population stability index of each criterion's attribute between the accounts of two periods (for a
 * review: accounts with deals before the period vs in it). Above 0.25 is the customary "shifted" mark.
 */
export function criterionStability(compiled: CompiledIcp, before: readonly (readonly string[])[], during: readonly (readonly string[])[]): Stability[] {
  return compiled.criteria
    .filter((c) => c.column !== undefined)
    .map((c) => {
      const { names, bin } = binsOf(c);
      const count = (rows: readonly (readonly string[])[]) => {
        const counts = names.map(() => 0);
        for (const row of rows) counts[bin(c.read(row[c.column as number]))]!++;
        return counts;
      };
      const b = count(before);
      const d = count(during);
      const psi = b.some((x) => x > 0) && d.some((x) => x > 0) ? populationStabilityIndex(b, d) : 0;
      return { label: c.criterion.label, column: c.criterion.column, bins: names, before: b, during: d, psi };
    });
}

import type { AccountOutcome } from '../report/accounts.js';
import type { CompiledIcp } from '../score/compile.js';
import { normalUpperTail } from '../stats/index.js';

/** One saved criterion's effect on winning before the period and in it, and whether it fell. */
export interface CriterionDrift {
  label: string;
  /** Odds ratio of winning a closed deal for accounts that match vs those that do not (0.5 added to each cell). */
  odds_ratio_before: number | null;
  odds_ratio_period: number | null;
  /** One-sided p that the log odds ratio fell, and the same after Holm over the criteria. */
  p_value: number | null;
  p_holm: number | null;
  fell: boolean;
}

interface Cells {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** Won/lost closed deals of active accounts by whether they match the criterion (unknown values left out). */
function table(accounts: readonly AccountOutcome[], judge: (cells: string[]) => boolean | null): Cells {
  const t = { a: 0, b: 0, c: 0, d: 0 };
  for (const account of accounts) {
    const s = account.stats;
    if (!s || s.won + s.lost === 0) continue;
    const m = judge(account.cells);
    if (m === null) continue;
    if (m) {
      t.a += s.won;
      t.b += s.lost;
    } else {
      t.c += s.won;
      t.d += s.lost;
    }
  }
  return t;
}

/** Log odds ratio with half a count in each cell, and its Woolf variance; null without a deal on either side. */
function logOdds(t: Cells): { log: number; variance: number } | null {
  if (t.a + t.b === 0 || t.c + t.d === 0) return null;
  const [a, b, c, d] = [t.a + 0.5, t.b + 0.5, t.c + 0.5, t.d + 0.5];
  return { log: Math.log((a * d) / (b * c)), variance: 1 / a + 1 / b + 1 / c + 1 / d };
}

/** Holm's step-down adjustment, in the input order; nulls stay null and do not count. */
function holm(p: readonly (number | null)[]): (number | null)[] {
  const known = p.map((x, i) => ({ x, i })).filter((e): e is { x: number; i: number } => e.x !== null).sort((u, v) => u.x - v.x || u.i - v.i);
  const out: (number | null)[] = p.map(() => null);
  let running = 0;
  known.forEach((e, rank) => {
    running = Math.max(running, Math.min(1, (known.length - rank) * e.x));
    out[e.i] = running;
  });
  return out;
}

/**
 * Drift as a saved criterion that stopped working: for each criterion, a one-sided test that the log odds
 * ratio of winning (matching vs not, over the closed deals of active accounts) fell between the period before
 * the review and the review period, Holm over the criteria; a criterion fell when its adjusted p < alpha.
 * Anti-fit criteria are tested for a rise (their effect was negative).
 */
export function criterionDrift(compiled: CompiledIcp, before: readonly AccountOutcome[], during: readonly AccountOutcome[], alpha: number): CriterionDrift[] {
  const rows = compiled.criteria.map((c) => {
    const judge = (cells: string[]) => c.judge(c.column === undefined ? undefined : cells[c.column]);
    const b = logOdds(table(before, judge));
    const d = logOdds(table(during, judge));
    const sign = c.criterion.points >= 0 ? 1 : -1;
    const p = b && d ? normalUpperTail((sign * (b.log - d.log)) / Math.sqrt(b.variance + d.variance)) : null;
    return { label: c.criterion.label, before: b, during: d, p };
  });
  const adjusted = holm(rows.map((r) => r.p));
  const round = (x: number) => Number(x.toPrecision(3));
  return rows.map((r, k) => ({
    label: r.label,
    odds_ratio_before: r.before ? round(Math.exp(r.before.log)) : null,
    odds_ratio_period: r.during ? round(Math.exp(r.during.log)) : null,
    p_value: r.p === null ? null : round(r.p),
    p_holm: adjusted[k] === null ? null : round(adjusted[k] as number),
    fell: adjusted[k] !== null && (adjusted[k] as number) < alpha,
  }));
}

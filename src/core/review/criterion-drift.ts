import type { CompiledIcp } from '../score/compile.js';
import { normalUpperTail } from '../stats/index.js';
import { holm } from './holm.js';
import type { WindowAccount } from './windows.js';

/**
 * Below this many accounts with closed deals on a side (matching, or not) of a window, a criterion is not
 * tested: the account-clustered variance rests on the accounts, and with a handful it is itself noise.
 */
export const MIN_ACCOUNTS_PER_SIDE = 10;

/** Closed deals of the accounts on one side of a criterion in one window. */
export interface SideCounts {
  accounts: number;
  won: number;
  lost: number;
}

/** One saved criterion's effect on winning in the window it was derived on and in the period, and whether it fell. */
export interface CriterionDrift {
  label: string;
  /** Odds ratio of winning a closed deal for accounts that match vs those that do not (half a deal added to each cell). */
  odds_ratio_before: number | null;
  odds_ratio_period: number | null;
  /** One-sided p that the log odds ratio fell, and the same after Holm over the criteria that could be tested. */
  p_value: number | null;
  p_holm: number | null;
  fell: boolean;
  /** False when a window has too few accounts on a side, or no won or no lost deal: the criterion is not judged. */
  judgeable: boolean;
  /** Why it was not judged; null when it was. */
  not_judgeable: string | null;
  counts: { before: { matching: SideCounts; other: SideCounts }; period: { matching: SideCounts; other: SideCounts } };
}

/** Per-account won and lost deals on each side of a criterion (accounts with an unknown value left out). */
function sides(accounts: readonly WindowAccount[], judge: (cells: readonly string[]) => boolean | null): { matching: WindowAccount[]; other: WindowAccount[] } {
  const out = { matching: [] as WindowAccount[], other: [] as WindowAccount[] };
  for (const account of accounts) {
    if (account.won + account.lost === 0) continue;
    const m = judge(account.cells);
    if (m !== null) (m ? out.matching : out.other).push(account);
  }
  return out;
}

function counts(group: readonly WindowAccount[]): SideCounts {
  let won = 0;
  let lost = 0;
  for (const a of group) {
    won += a.won;
    lost += a.lost;
  }
  return { accounts: group.length, won, lost };
}

/**
 * The log odds of winning a deal on one side, with half a deal added to each outcome, and its variance with
 * the accounts as clusters: deals of one account share all its other traits, so they are not independent
 * draws, and the binomial variance of the deals (Woolf's) is too small. The cluster (sandwich) estimate is
 * floored at the binomial one: with few accounts it is itself noisy and can come out smaller by chance.
 */
function logOdds(group: readonly WindowAccount[]): { log: number; variance: number } {
  const c = counts(group);
  const n = c.won + c.lost;
  const p = (c.won + 0.5) / (n + 1);
  let squares = 0;
  for (const a of group) squares += (a.won - p * (a.won + a.lost)) ** 2;
  const m = group.length;
  const clustered = m > 1 ? ((m / (m - 1)) * squares) / (n + 1) ** 2 : 0;
  const varianceOfP = Math.max(clustered, (p * (1 - p)) / (n + 1));
  return { log: Math.log(p / (1 - p)), variance: varianceOfP / (p * (1 - p)) ** 2 };
}

/** Why a window cannot measure a criterion's effect, or null when it can. */
function unusable(name: string, side: { matching: SideCounts; other: SideCounts }): string | null {
  const won = side.matching.won + side.other.won;
  const lost = side.matching.lost + side.other.lost;
  if (won + lost === 0) return `no closed deal ${name}`;
  if (lost === 0) return `no lost deal ${name}: the odds of winning cannot be compared`;
  if (won === 0) return `no won deal ${name}: the odds of winning cannot be compared`;
  const few = (['matching', 'other'] as const).find((k) => side[k].accounts < MIN_ACCOUNTS_PER_SIDE);
  if (few)
    return `too few accounts with closed deals ${name} ${few === 'matching' ? 'that match' : 'that do not match'} (${side[few].accounts}, at least ${MIN_ACCOUNTS_PER_SIDE} needed)`;
  return null;
}

/**
 * Drift as a saved criterion that stopped working: for each criterion, a one-sided test that the log odds
 * ratio of winning a closed deal (matching vs not, over the accounts with a deal closed in the window) fell
 * between the baseline (the window it was derived on) and the period, with account-clustered standard
 * errors; Holm over the criteria that could be tested; a criterion fell when its adjusted p < alpha.
 * Anti-fit criteria are tested for a rise (their effect was negative). The measure is per deal, so it does
 * not grow with the length of a window as "in the top 20% by won value" or "won a deal" would.
 */
export function criterionDrift(
  compiled: CompiledIcp,
  baseline: readonly WindowAccount[],
  during: readonly WindowAccount[],
  alpha: number,
  periodLabel: string,
): CriterionDrift[] {
  const rows = compiled.criteria.map((c) => {
    const judge = (cells: readonly string[]) => c.judge(c.column === undefined ? undefined : cells[c.column]);
    const b = sides(baseline, judge);
    const d = sides(during, judge);
    const n = {
      before: { matching: counts(b.matching), other: counts(b.other) },
      period: { matching: counts(d.matching), other: counts(d.other) },
    };
    const why = unusable(`in ${periodLabel}`, n.period) ?? unusable('in the window it was derived on', n.before);
    const effect = (x: typeof b) => {
      const [m, o] = [logOdds(x.matching), logOdds(x.other)];
      return { log: m.log - o.log, variance: m.variance + o.variance };
    };
    const before = n.before.matching.accounts > 0 && n.before.other.accounts > 0 ? effect(b) : null;
    const period = n.period.matching.accounts > 0 && n.period.other.accounts > 0 ? effect(d) : null;
    const sign = c.criterion.points >= 0 ? 1 : -1;
    const p = why === null && before && period ? normalUpperTail((sign * (before.log - period.log)) / Math.sqrt(before.variance + period.variance)) : null;
    return { label: c.criterion.label, before, period, p, why, n };
  });
  const adjusted = holm(rows.map((r) => r.p));
  const round = (x: number) => Number(x.toPrecision(3));
  return rows.map((r, k) => ({
    label: r.label,
    odds_ratio_before: r.before ? round(Math.exp(r.before.log)) : null,
    odds_ratio_period: r.period ? round(Math.exp(r.period.log)) : null,
    p_value: r.p === null ? null : round(r.p),
    p_holm: adjusted[k] === null ? null : round(adjusted[k] as number),
    fell: adjusted[k] !== null && (adjusted[k] as number) < alpha,
    judgeable: r.why === null,
    not_judgeable: r.why,
    counts: r.n,
  }));
}

import { detectMultiSeparator, isMissing, splitMulti, type MultiSeparator } from '../columns/parse/index.js';
import { percentText } from '../percent.js';
import { benjaminiHochberg } from '../stats/benjamini-hochberg.js';
import { logOddsRatio } from '../stats/log-odds-ratio.js';
import { noncentralLowerTail } from '../stats/noncentral-hypergeometric.js';
import { Z_95 } from '../stats/wilson.js';
import { add, bothSides, emptyTally, minus, rateRatio, table, type Tally } from './segment-tally.js';

export type SegmentMeasure = 'win rate' | 'conversion' | 'value';

export interface SegmentAccount {
  icp: boolean;
  /** The account's customer-file cells, by column index. */
  cells: readonly string[];
  /**
   * Successes and trials this account contributes: win rate -> won and (won + lost) deals; conversion -> 1/0
   * of 1; value -> 1 if the account is in the top cohort by value else 0, of 1. Non-negative integers.
   * An account with 0 trials is not measured and counts nowhere.
   */
  successes: number;
  trials: number;
}

/** One (column, value) segment that passed the size rules and was tested. */
export interface SegmentTest {
  column: string;
  /** The value as most often spelled (trimmed) in the data. */
  value: string;
  /** Measured accounts (trials > 0) in the segment, and how many of them are ICP. */
  accounts: number;
  icp_accounts: number;
  /** Pooled successes / trials of the segment's ICP and non-ICP accounts (both have trials > 0). */
  icp_rate: number;
  non_icp_rate: number;
  /** icp_rate / non_icp_rate; null when the non-ICP rate is 0. */
  lift: number | null;
  /** The ICP's log odds ratio of success inside the segment (0.5 added to each cell) and its 95% interval. */
  log_odds_ratio: number;
  log_odds_ratio_ci: [number, number];
  /** The same for the measured accounts outside the segment: the yardstick the segment is tested against. */
  outside_log_odds_ratio: number;
  /** One-sided exact p that the ICP's odds ratio is smaller inside the segment than outside it. */
  p_value: number;
  /** Benjamini-Hochberg over every segment tested. */
  q_value: number;
}

/** A segment where the ICP does not work: the test's figures, the overall lift for context, and a sentence. */
export type FailingSegment = Pick<
  SegmentTest,
  'column' | 'value' | 'accounts' | 'icp_accounts' | 'icp_rate' | 'non_icp_rate' | 'lift' | 'p_value' | 'q_value'
> & {
  /** ICP rate / non-ICP rate over all measured accounts, for context; null when the non-ICP rate is 0. */
  overall_lift: number | null;
  /** 'reversed': the segment's own 95% interval of the log odds ratio is entirely below 0; else 'absent'. */
  verdict: 'reversed' | 'absent';
  text: string;
};

export interface FailingSegmentsInput {
  header: readonly string[];
  /** Category-like columns to segment by (the report picks them; ids, names and free text do not belong). */
  columns: readonly number[];
  accounts: readonly SegmentAccount[];
  measure: SegmentMeasure;
  alpha: number;
  /** Smallest number of measured accounts a segment needs to be tested; default 30. */
  minAccounts?: number;
}

interface Bucket extends Tally {
  column: number;
  /** Spellings seen for the value, with counts: the most common one is shown. */
  spellings: Map<string, number>;
}

function checkAccount(a: SegmentAccount): void {
  if (!Number.isInteger(a.trials) || !Number.isInteger(a.successes) || a.successes < 0 || a.successes > a.trials) {
    throw new RangeError(`an account needs integer 0 <= successes <= trials, got ${a.successes}/${a.trials}`);
  }
}

/**
 * The values a cell puts its account in, trimmed; lower-cased as keys. Multi-valued cells are split
 * (the separator detected per column, as derive does), so "Slack;HubSpot" counts in both the Slack and
 * the HubSpot segment: that is how contains_any criteria read the column, and a whole list as one value
 * would make many tiny segments that never reach the size rule. Missing cells and tokens are no segment.
 */
function cellValues(raw: string | undefined, separator: MultiSeparator | null): string[] {
  if (raw === undefined || isMissing(raw)) return [];
  const tokens = separator === null ? [raw.trim()] : splitMulti(raw, separator).filter((t) => !isMissing(t));
  return tokens;
}

function mostCommon(spellings: Map<string, number>): string {
  let best = '';
  let count = -1;
  for (const [s, n] of spellings) if (n > count || (n === count && s < best)) [best, count] = [s, n];
  return best;
}

/** Groups measured accounts into (column, value) buckets; keys are column index and the lower-cased value. */
function bucketize(input: FailingSegmentsInput, measured: readonly SegmentAccount[]): Bucket[] {
  const buckets = new Map<string, Bucket>();
  for (const column of input.columns) {
    const separator = detectMultiSeparator(input.accounts.map((a) => a.cells[column] ?? ''));
    for (const account of measured) {
      const seen = new Set<string>();
      for (const spelling of cellValues(account.cells[column], separator)) {
        const key = `${column}\u0000${spelling.toLowerCase()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        let b = buckets.get(key);
        if (b === undefined) buckets.set(key, (b = { ...emptyTally(), column, spellings: new Map() }));
        add(b, account);
        b.spellings.set(spelling, (b.spellings.get(spelling) ?? 0) + 1);
      }
    }
  }
  return [...buckets.values()];
}

/**
 * Tests every (column, value) segment with at least `minAccounts` measured accounts, ICP and non-ICP ones
 * among them, and measured accounts of both kinds outside it. The question is whether the ICP separates
 * less well inside the segment than in the rest: given the segment's margins, the exact chance of so few
 * ICP successes if the ICP's odds ratio there were the one outside (Fisher's noncentral hypergeometric).
 * A normal test of two log odds ratios with half counts added, tried first, flagged small segments of a
 * strong ICP (0 of 6 vs 2 of 24 against an odds ratio of 85) because the half counts pull a sparse
 * segment's estimate towards 1. The rest, not the whole, is the yardstick, so the two are independent.
 * A deal is treated as an independent trial for win rate, which flatters accounts with many deals.
 */
export function testSegments(input: FailingSegmentsInput): SegmentTest[] {
  const minAccounts = input.minAccounts ?? 30;
  input.accounts.forEach(checkAccount);
  const measured = input.accounts.filter((a) => a.trials > 0);
  const all = emptyTally();
  for (const a of measured) add(all, a);
  const rows: Omit<SegmentTest, 'q_value'>[] = [];
  for (const b of bucketize(input, measured)) {
    const outside = minus(all, b);
    if (b.icpAccounts + b.nonAccounts < minAccounts || !bothSides(b) || !bothSides(outside)) continue;
    const inner = logOddsRatio(table(b));
    const outer = logOddsRatio(table(outside));
    const half = Z_95 * Math.sqrt(inner.variance);
    rows.push({
      column: input.header[b.column] ?? `column ${b.column + 1}`,
      value: mostCommon(b.spellings),
      accounts: b.icpAccounts + b.nonAccounts,
      icp_accounts: b.icpAccounts,
      icp_rate: b.icpSuccesses / b.icpTrials,
      non_icp_rate: b.nonSuccesses / b.nonTrials,
      lift: rateRatio(b),
      log_odds_ratio: inner.estimate,
      log_odds_ratio_ci: [inner.estimate - half, inner.estimate + half],
      outside_log_odds_ratio: outer.estimate,
      // Exact: is the segment's ICP success count as low as this if the ICP worked there as it does outside?
      p_value: noncentralLowerTail(table(b), Math.exp(outer.estimate)),
    });
  }
  const q = benjaminiHochberg(rows.map((r) => r.p_value));
  return rows.map((r, i) => ({ ...r, q_value: q[i] as number }));
}

const WHAT: Record<SegmentMeasure, { absent: string; rate: string }> = {
  'win rate': { absent: 'does not separate winners', rate: 'win rate' },
  conversion: { absent: 'does not separate converters', rate: 'conversion' },
  value: { absent: 'does not pick the most valuable accounts', rate: 'in the top value cohort' },
};

function sentence(t: SegmentTest, verdict: FailingSegment['verdict'], measure: SegmentMeasure): string {
  const what = WHAT[measure];
  const phrase = verdict === 'reversed' ? 'points the wrong way' : what.absent;
  return `the ICP ${phrase} in ${t.column} = ${t.value} (n=${t.accounts}: ${percentText(t.icp_rate)} vs ${percentText(t.non_icp_rate)} ${what.rate})`;
}

/**
 * Segments where the ICP does not work: significantly weaker than in the rest (q < alpha, Benjamini-Hochberg
 * over `tested` segments) and no lift at all inside (ICP rate <= non-ICP rate). A segment where the ICP works
 * less strongly but still lifts is not flagged; an ICP that fails everywhere is the overall verdict's news,
 * not a segment's, since no segment then differs from the rest. Sorted by q, then accounts (largest first).
 */
export function failingSegments(input: FailingSegmentsInput): { tested: number; segments: FailingSegment[] } {
  if (!(input.alpha > 0 && input.alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${input.alpha}`);
  const tests = testSegments(input);
  const all = emptyTally();
  for (const a of input.accounts) if (a.trials > 0) add(all, a);
  const overall = all.icpTrials > 0 && all.nonTrials > 0 ? rateRatio(all) : null;
  const segments: FailingSegment[] = [];
  for (const t of tests) {
    // Rates rather than the lift, so that 0% vs 0% (no lift, ratio undefined) counts as absent.
    if (!(t.q_value < input.alpha && t.icp_rate <= t.non_icp_rate)) continue;
    const verdict = t.log_odds_ratio_ci[1] < 0 ? 'reversed' : 'absent';
    const { column, value, accounts, icp_accounts, icp_rate, non_icp_rate, lift, p_value, q_value } = t;
    segments.push({
      column,
      value,
      accounts,
      icp_accounts,
      icp_rate,
      non_icp_rate,
      lift,
      overall_lift: overall,
      p_value,
      q_value,
      verdict,
      text: sentence(t, verdict, input.measure),
    });
  }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  segments.sort((a, b) => a.q_value - b.q_value || b.accounts - a.accounts || order(a.column, b.column) || order(a.value, b.value));
  return { tested: tests.length, segments };
}

import { readCell } from '../columns/cell-value.js';
import type { ColumnInfo } from '../columns/infer.js';
import { isMissing, parseBoolean } from '../columns/parse/index.js';
import type { RoleAssignment } from '../columns/roles.js';
import type { CustomerStarts, DealQuality, DealStats, DealWindow, MatchedDeal } from './deal-types.js';
import { KeyMap } from './key-map.js';
import { classifyStage, type DealOutcome } from './stage.js';
import { pushWon, wonDeals } from './won-deals.js';
import { DAY_MS, dealStatsByKey, LOST, OPEN, WON } from './deal-stats-by-key.js';

/** A number cell of the row read with its column's type; null when missing, unreadable or not a number. */
export function numberAt(columns: readonly ColumnInfo[], index: number | undefined, row: readonly string[]): number | null {
  if (index === undefined) return null;
  const value = readCell(columns[index] as ColumnInfo, row[index]);
  return typeof value === 'number' ? value : null;
}

const OUTCOMES: readonly DealOutcome[] = ['won', 'lost', 'open'];
const CODE: Readonly<Record<DealOutcome, number>> = { won: WON, lost: LOST, open: OPEN };

/**
 * The deals of one pair of join columns summed per customer, one deal at a time as they are read (a
 * DealJoin keeps one per candidate pair). add() every deal, then result(). The sums are kept in typed arrays indexed by
 * customer rather than an object per customer, so a million deals allocate nearly nothing.
 */
export class DealTally {
  private readonly stage: number | undefined;
  private readonly wonFlag: number | undefined;
  private readonly amount: number | undefined;
  private readonly quality: DealQuality;
  private unknown = new Map<string, number>();
  /** Customer key -> its index in the arrays below. */
  private readonly slots = new KeyMap<number>();
  private readonly keys: string[] = [];
  private readonly deals: Int32Array;
  private readonly outcomes: Int32Array;
  /** NaN until the customer has a won deal with a close date. */
  private readonly firstWon: Float64Array;
  private readonly lastWon: Float64Array;
  /** The customers with a matched deal, in the order of their first one: result().byKey lists them so. */
  private readonly order: number[] = [];
  /** The customer's start (NaN when unknown), when the deals have no create date and the customers do. */
  private readonly startAt: Float64Array | undefined;
  /** Values and cycles, summed in file order at the end (result()). */
  private won = wonDeals(1024);
  private readonly windowed: boolean;
  private done: { byKey: Map<string, DealStats>; quality: DealQuality } | undefined;

  constructor(
    roles: RoleAssignment,
    private readonly columns: readonly ColumnInfo[],
    private readonly keyColumn: number,
    customerKeys: ReadonlySet<string>,
    private readonly window: DealWindow = {},
    private readonly onDeal?: (deal: MatchedDeal) => void,
    starts?: CustomerStarts,
  ) {
    this.stage = roles.byRole.get('deal_stage');
    const created = roles.byRole.get('created_date');
    const fallback = created === undefined ? starts : undefined;
    this.wonFlag = roles.byRole.get('won');
    this.amount = roles.byRole.get('amount');
    const outcomeSource = this.stage !== undefined ? 'stage' : this.wonFlag !== undefined ? 'won_flag' : 'all_won';
    this.quality = {
      total: 0,
      matched: 0,
      unmatched: 0,
      withoutKey: 0,
      unmatchedExamples: [],
      outsideWindow: 0,
      withoutCloseDate: 0,
      withoutDates: 0,
      negativeCycles: 0,
      negativeWonCycles: 0,
      withoutAmount: 0,
      unknownStages: [],
      outcomeSource,
      hasAmount: this.amount !== undefined,
      cycleStart:
        created !== undefined ? { from: 'deals', column: columns[created]?.header ?? '' } : fallback ? { from: 'customers', column: fallback.column } : null,
    };
    for (const key of customerKeys) {
      this.slots.set(key, this.keys.length);
      this.keys.push(key);
    }
    const n = this.keys.length;
    this.deals = new Int32Array(n);
    this.outcomes = new Int32Array(3 * n);
    this.firstWon = new Float64Array(n).fill(Number.NaN);
    this.lastWon = new Float64Array(n).fill(Number.NaN);
    if (fallback) {
      const startAt = new Float64Array(n).fill(Number.NaN);
      this.keys.forEach((key, slot) => {
        startAt[slot] = fallback.byKey.get(key) ?? Number.NaN;
      });
      this.startAt = startAt;
    }
    this.windowed = window.since !== undefined || window.until !== undefined;
  }

  /** Deals that joined a customer so far. */
  get matched(): number {
    return this.quality.matched;
  }

  /**
   * Counts the next deal: `key` is normalizeKey of its key cell, the dates as dealDates reads them. True
   * when it joined a customer (inside the window).
   */
  add(row: readonly string[], key: string, closeAt: number | null, createAt: number | null): boolean {
    const { quality } = this;
    this.done = undefined;
    quality.total++;
    if (closeAt === null) quality.withoutCloseDate++;
    if (closeAt === null && createAt === null) quality.withoutDates++;
    if (this.windowed && this.outsideWindow(closeAt)) {
      quality.outsideWindow++;
      return false;
    }
    const slot = this.slots.get(key);
    if (slot === undefined) {
      this.unmatched(row, key);
      return false;
    }
    quality.matched++;
    const outcome = this.outcomeOf(row);
    // Without a create date of its own, a deal is measured from when its customer started (a lead's first
    // contact): closing before that is the same data problem; its cycle is the first won deal's (result()).
    const fallback = this.startAt?.[slot];
    const start = createAt ?? (fallback === undefined || Number.isNaN(fallback) ? null : fallback);
    const days = closeAt !== null && start !== null ? (closeAt - start) / DAY_MS : null;
    if (days !== null && days < 0) {
      quality.negativeCycles++;
      if (outcome === WON) quality.negativeWonCycles++;
    }
    const deals = this.deals[slot] as number;
    if (deals === 0) this.order.push(slot);
    this.deals[slot] = deals + 1;
    const cell = 3 * slot + outcome;
    this.outcomes[cell] = (this.outcomes[cell] as number) + 1;
    if (outcome === WON) this.addWon(row, key, slot, closeAt, createAt, days);
    else this.onDeal?.({ row, key, outcome: OUTCOMES[outcome] as DealOutcome, closeAt, createAt, value: null });
    return true;
  }

  private outsideWindow(closeAt: number | null): boolean {
    const { since, until } = this.window;
    return closeAt === null || (since !== undefined && closeAt < since) || (until !== undefined && closeAt > until);
  }

  /** Counts a deal whose key is no customer's, with a few of those keys as examples. */
  private unmatched(row: readonly string[], key: string): void {
    const { quality } = this;
    quality.unmatched++;
    const raw = row[this.keyColumn] ?? '';
    if (key === '' || isMissing(raw)) quality.withoutKey++;
    else if (quality.unmatchedExamples.length < 5 && !quality.unmatchedExamples.includes(raw)) quality.unmatchedExamples.push(raw);
  }

  /** WON, LOST or OPEN: from the stage column, else the won flag; every deal is won without either. */
  private outcomeOf(row: readonly string[]): number {
    if (this.stage !== undefined) {
      const raw = (row[this.stage] ?? '').trim();
      const read = classifyStage(raw);
      if (!read.known && raw !== '') this.unknown.set(raw, (this.unknown.get(raw) ?? 0) + 1);
      return CODE[read.outcome];
    }
    if (this.wonFlag !== undefined) return parseBoolean(row[this.wonFlag] ?? '') ? WON : LOST;
    return WON;
  }

  /** A won deal's value, first and last won dates and cycle (`days` from its start, when known). */
  private addWon(row: readonly string[], key: string, slot: number, closeAt: number | null, createAt: number | null, days: number | null): void {
    const value = numberAt(this.columns, this.amount, row);
    this.onDeal?.({ row, key, outcome: 'won', closeAt, createAt, value });
    if (this.amount !== undefined && value === null) this.quality.withoutAmount++;
    let cycle = Number.NaN;
    if (closeAt !== null) {
      const first = this.firstWon[slot] as number;
      if (!(first <= closeAt)) this.firstWon[slot] = closeAt;
      const last = this.lastWon[slot] as number;
      if (!(last >= closeAt)) this.lastWon[slot] = closeAt;
      if (createAt !== null && days !== null && days >= 0) cycle = days;
    }
    if (value !== null || !Number.isNaN(cycle)) this.won = pushWon(this.won, slot, value ?? Number.NaN, cycle);
  }

  /** The sums per customer key and the counts of the deals file, once every deal was added. */
  result(): { byKey: Map<string, DealStats>; quality: DealQuality } {
    if (this.done) return this.done;
    this.quality.unknownStages = [...this.unknown].map(([s, count]) => ({ stage: s, count })).sort((a, b) => b.count - a.count || (a.stage < b.stage ? -1 : 1));
    const byKey = dealStatsByKey(this.keys, this.order, this.deals, this.outcomes, this.firstWon, this.lastWon, this.startAt, this.won);
    this.done = { byKey, quality: this.quality };
    return this.done;
  }
}

import { assignRoles, type RoleAssignment } from '../columns/roles.js';
import { typeTable } from '../columns/type-table.js';
import type { Table } from '../table.js';
import { customerStarts } from './customers.js';
import { dealDates } from './deals.js';
import { DealTally } from './deal-tally.js';
import { unjoinable, type Pair } from './join.js';
import type { DealJoinOptions, JoinedDeals, Reread } from './deal-join-types.js';
import type { MatchedDeal } from './deal-types.js';
import { joinPairs } from './join-pairs.js';
import type { KeyMap } from './key-map.js';
import { groupKeys, keyMap, keysNeedWork, sameKeys } from './join-keys.js';
import { normalizeKey } from './keys.js';
import { memoize, onceEach } from '../memoize.js';
import { InternalError } from '../../errors.js';

export type { DealJoinOptions, JoinedDeals, Reread } from './deal-join-types.js';
export { customerColumnsUsed, joinPairs } from './join-pairs.js';

interface Candidate extends Pair {
  /** normalizeKey, remembered for key cells that repeat (company names do, ids mostly not). */
  normalize: (raw: string) => string;
  /** Whether a raw key cell is a customer's key, remembered likewise; for pairs that are only counted. */
  hit: (raw: string) => boolean;
  keys: KeyMap<true>;
  /** False when `hits` is read from the tally instead (see the constructor). */
  countHits: boolean;
  hits: number;
  /** The sums, for the pairs that are summed. */
  tally: DealTally | undefined;
  /** The deals the tally joined, with `keepDeals`. */
  kept: MatchedDeal[] | undefined;
  /**
   * A counted pair after the leader, which can only win by matching more deals than the leader: it is
   * looked up on the deals the leader missed (`ahead`: those it matches), and on the deals the leader
   * matched only when `watching` (`behind`: those it misses), which the sample decides: watching when the
   * pair is ahead somewhere in the sample. With ahead <= behind it matches no more deals than the leader
   * and is out, without a look-up per deal the leader matched. The sample decides, not the deals seen so
   * far, so that the decision does not depend on the order of the deals after it.
   */
  lazy: boolean;
  ahead: number;
  behind: number;
  watching: boolean;
}

/** Rows of the deals file used to type its columns, as typeTable does for a whole table. */
export const DEAL_SAMPLE_ROWS = 5000;

/**
 * The one deals join: deals read one row at a time (from a file, or a table in memory: joinDealTable), so
 * that derive never holds the deals file. Every candidate pair of key columns (joinPairs) counts its matches
 * as rows arrive, and finish() keeps the pair that matches the most deals (earlier pairs win ties), or
 * --key's. Only the first rows (the sample) type the columns. Every pair also sums its
 * deals, unless the deals can be read again: then only the pair that matches the most sample deals (the
 * leader) sums them (summing costs as much again per pair over a million deals), the pairs after it are
 * counted lazily (see Candidate.lazy), and `reread` says when the deals must be read again: with only the
 * pair that won, when that was not the leader; counting and summing every pair, when a lazy pair may win.
 */
export class DealJoin {
  /** The deal columns add() reads; a row may leave the others out. */
  readonly columnsUsed: number[];
  private readonly candidates: Candidate[];
  /** The candidates that are summed, and those only counted. */
  private readonly summed: Candidate[];
  private readonly counted: Candidate[];
  /** The pair summed on a first read of a file that can be read again (rereadable), alone. */
  private readonly leader: Candidate | undefined;
  private readonly dates: ReturnType<typeof dealDates>;
  private rows = 0;

  constructor(
    private readonly customers: Table,
    cRoles: RoleAssignment,
    private readonly deals: { name: string; header: string[]; sample: readonly string[][] },
    private readonly options: DealJoinOptions,
  ) {
    const dRoles = options.dealRoles ?? assignRoles(deals.header, options.map, deals.name);
    const sampleTable: Table = { name: deals.name, header: deals.header, rows: deals.sample as string[][], lines: [], sha256: '' };
    const columns = options.dealColumns ?? typeTable(sampleTable, dRoles, DEAL_SAMPLE_ROWS);
    const pairs = joinPairs(customers, cRoles, deals, options);
    // Pairs may share a customer column: what is built from it is built once.
    const keysOf = onceEach((column: number) => keyMap(customers, column));
    const groupedBy = onceEach((column: number) => groupKeys(customers, column));
    // Deals without a create date column start their cycles when their customer started (customerStarts).
    const startsOf = onceEach((column: number) =>
      dRoles.byRole.get('created_date') === undefined ? customerStarts(customers, cRoles, column, options.customerColumns) : undefined,
    );
    const leader = options.rereadable && !options.countAll && pairs.length > 1 ? sampleLeader(pairs, deals.sample, keysOf) : undefined;
    const window = { since: options.since, until: options.until };
    const windowed = options.since !== undefined || options.until !== undefined;
    this.candidates = pairs.map((pair, i) => {
      const keys = keysOf(pair.customer);
      let tally: DealTally | undefined;
      let kept: MatchedDeal[] | undefined;
      let countHits = true;
      if (leader === undefined || leader === i) {
        const customerKeys = groupedBy(pair.customer);
        const own: MatchedDeal[] = [];
        if (options.keepDeals) kept = own;
        tally = new DealTally(
          dRoles,
          columns,
          pair.deal,
          customerKeys,
          window,
          options.keepDeals ? keeper(own, options.keepCells) : undefined,
          startsOf(pair.customer),
        );
        // Without a window, a pair's matches are the tally's matched deals when both key sets agree, which
        // saves a second look-up per deal.
        countHits = windowed || !sameKeys(keys, customerKeys);
      }
      const hit = memoize((raw: string) => keys.has(normalizeKey(raw)));
      const lazy = leader !== undefined && i > leader;
      const normalize = keysNeedWork(deals.sample, pair.deal) ? memoize(normalizeKey) : normalizeKey;
      return { ...pair, normalize, hit, keys, countHits, hits: 0, tally, kept, lazy, ahead: 0, behind: 0, watching: false };
    });
    this.summed = this.candidates.filter((c) => c.tally !== undefined);
    this.counted = this.candidates.filter((c) => c.tally === undefined);
    this.leader = leader === undefined ? undefined : this.candidates[leader];
    if (this.leader) for (const c of this.candidates) if (c.lazy) c.watching = aheadInSample(c, this.leader, deals.sample);
    this.dates = dealDates(dRoles, columns);
    const roles = (['deal_stage', 'won', 'amount', 'created_date', 'close_date'] as const).map((r) => dRoles.byRole.get(r));
    this.columnsUsed = [...new Set([...pairs.map((p) => p.deal), ...roles.filter((c): c is number => c !== undefined)])];
  }

  /** Adds the next deal of the file. */
  add(row: readonly string[]): void {
    this.rows++;
    const closeAt = this.dates.closeAt(row);
    const createAt = this.dates.createAt(row);
    let leaderHit = false;
    for (const c of this.summed) {
      const raw = row[c.deal];
      const key = raw === undefined ? '' : c.normalize(raw);
      const joined = (c.tally as DealTally).add(row, key, closeAt, createAt);
      const hit = c.countHits ? c.keys.has(key) : joined;
      if (hit && c.countHits) c.hits++;
      if (c === this.leader) leaderHit = hit;
    }
    for (const c of this.counted) {
      if (c.lazy && leaderHit && !c.watching) continue;
      const raw = row[c.deal];
      // The customer keys hold no empty key, so a missing cell never matches.
      const hit = raw !== undefined && c.hit(raw);
      if (!c.lazy) {
        if (hit) c.hits++;
      } else if (!leaderHit && hit) c.ahead++;
      else if (leaderHit && !hit) c.behind++;
    }
  }

  /** The pair with the most matches (earlier pairs win ties), or --key's; undefined when none joins. */
  private best(): { candidate: Candidate; rate: number } | undefined {
    let best: { candidate: Candidate; rate: number } | undefined;
    for (const candidate of this.candidates) {
      // A lazy pair that is out matches no more deals than the leader, and comes after it.
      if (candidate.lazy) continue;
      const hits = candidate.countHits ? candidate.hits : (candidate.tally as DealTally).matched;
      const rate = this.rows === 0 ? 0 : hits / this.rows;
      if (!best || rate > best.rate) best = { candidate, rate };
    }
    if (!best || (!this.options.key && best.rate === 0)) return undefined;
    return best;
  }

  /**
   * Once every deal was added: how to read the deals again, or undefined when this read settles the join.
   * Again counting and summing every pair, when a lazy pair may match more deals than the leader; again
   * with only the pair that won, when it was only counted.
   */
  get reread(): Reread | undefined {
    if (this.candidates.some((c) => c.lazy && c.ahead > c.behind)) return { countAll: true };
    const best = this.best();
    if (!best || best.candidate.tally) return undefined;
    const { customer, deal, reason } = best.candidate;
    return { pair: { customer, deal, reason } };
  }

  /** The join once every deal was added: the pair with the most matches (earlier pairs win ties), or --key's. */
  finish(sha256: string): JoinedDeals {
    const best = this.best();
    if (!best) throw unjoinable(this.deals.name, this.customers.name);
    const { candidate, rate } = best;
    if (!candidate.tally || this.reread) throw new InternalError('the join is not settled: read the deals again as `reread` says');
    return {
      name: this.deals.name,
      header: this.deals.header,
      rows: this.rows,
      sha256,
      keys: { customerColumn: candidate.customer, dealColumn: candidate.deal, reason: candidate.reason, matchRate: rate },
      ...candidate.tally.result(),
      matched: candidate.kept ?? [],
    };
  }
}

/** A deals table already in memory, joined as DealJoin joins a file as it is read. */
export function joinDealTable(customers: Table, cRoles: RoleAssignment, deals: Table, options: DealJoinOptions): JoinedDeals {
  const head = { name: deals.name, header: deals.header, sample: deals.rows.slice(0, DEAL_SAMPLE_ROWS) };
  // A table in memory can always be read again.
  let join = new DealJoin(customers, cRoles, head, { rereadable: true, ...options });
  for (const row of deals.rows) join.add(row);
  for (let again = join.reread; again; again = join.reread) {
    join = new DealJoin(customers, cRoles, head, { rereadable: true, ...options, ...again });
    for (const row of deals.rows) join.add(row);
  }
  return join.finish(deals.sha256);
}

/** What keeps each joined deal in `own`: as it came, or only the cells `cells` (a row read from a stream is not kept whole). */
function keeper(own: MatchedDeal[], cells: readonly number[] | undefined): (deal: MatchedDeal) => void {
  if (!cells) return (deal) => own.push(deal);
  return (deal) => {
    const row: string[] = [];
    for (const c of cells) if (deal.row[c] !== undefined) row[c] = deal.row[c] as string;
    own.push({ ...deal, row });
  };
}

/** Whether some deal of the sample is matched by `pair` and missed by the leader. */
function aheadInSample(pair: Candidate, leader: Candidate, sample: readonly string[][]): boolean {
  return sample.some((row) => {
    const raw = row[pair.deal];
    return raw !== undefined && !leader.keys.has(normalizeKey(row[leader.deal])) && pair.keys.has(normalizeKey(raw));
  });
}

/** The pair whose key matches the most deals of the sample (the earliest of equals), as finish() chooses. */
function sampleLeader(pairs: readonly Pair[], sample: readonly string[][], keysOf: (column: number) => KeyMap<true>): number {
  let leader = 0;
  let most = -1;
  pairs.forEach((pair, i) => {
    const keys = keysOf(pair.customer);
    let hits = 0;
    for (const row of sample) {
      const raw = row[pair.deal];
      if (raw !== undefined && keys.has(normalizeKey(raw))) hits++;
    }
    if (hits > most) {
      leader = i;
      most = hits;
    }
  });
  return leader;
}

import { assignRoles, type Role, type RoleAssignment } from '../columns/roles.js';
import { typeTable } from '../columns/type-table.js';
import type { Table } from '../table.js';
import { isMissing } from '../columns/parse/index.js';
import { dealDates, DealTally, type DealQuality, type DealStats } from './deals.js';
import { candidatePairs, headerIndex, unjoinable, type JoinKeys, type Pair } from './join.js';
import { KeyMap } from './key-map.js';
import { normalizeKey } from './keys.js';
import { memoize } from '../score/memoize.js';
import { InternalError } from '../../errors.js';

export interface DealJoinOptions {
  map?: ReadonlyMap<Role, string> | undefined;
  key?: { customer: string; deal?: string } | undefined;
  since?: number | undefined;
  until?: number | undefined;
  /**
   * The deals can be read a second time (a file, not stdin): then only the pair that leads on the sample is
   * summed, the others only counted, and rereadPair says when another pair won after all.
   */
  rereadable?: boolean | undefined;
  /** Only this pair: the one rereadPair named after a first read. */
  pair?: Pair | undefined;
}

/** The deals file joined to the customers and summed per customer, and what it was. */
export interface JoinedDeals {
  name: string;
  header: string[];
  rows: number;
  sha256: string;
  keys: JoinKeys;
  byKey: Map<string, DealStats>;
  quality: DealQuality;
}

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
}

/** Rows of the deals file used to type its columns, as typeTable does for a whole table. */
export const DEAL_SAMPLE_ROWS = 5000;

/**
 * chooseJoinKeys and aggregateDeals for deals read one row at a time, so that derive never holds the deals
 * file: every candidate pair of key columns counts its matches as rows arrive, and finish() keeps the pair
 * chooseJoinKeys would choose. Only the first rows (the sample) type the columns. Every pair also sums its
 * deals, unless the deals can be read again: then only the pair that matches the most sample deals sums
 * them (summing costs as much again per pair over a million deals), and when another pair matched more
 * deals in the end, rereadPair names it for a second read with only that pair.
 */
export class DealJoin {
  /** The deal columns add() reads; a row may leave the others out. */
  readonly columnsUsed: number[];
  private readonly candidates: Candidate[];
  private readonly dates: ReturnType<typeof dealDates>;
  private rows = 0;

  constructor(
    private readonly customers: Table,
    cRoles: RoleAssignment,
    private readonly deals: { name: string; header: string[]; sample: readonly string[][] },
    private readonly options: DealJoinOptions,
  ) {
    const dRoles = assignRoles(deals.header, options.map, deals.name);
    const sampleTable: Table = { name: deals.name, header: deals.header, rows: deals.sample as string[][], lines: [], sha256: '' };
    const columns = typeTable(sampleTable, dRoles, DEAL_SAMPLE_ROWS);
    const key = options.key;
    const pairs: Pair[] = options.pair
      ? [options.pair]
      : key
        ? [{ customer: headerIndex(customers, key.customer, '--key'), deal: headerIndex(sampleTable, key.deal ?? key.customer, '--key'), reason: '--key' }]
        : candidatePairs(customers, cRoles, sampleTable, dRoles);
    const keySets = new Map<number, KeyMap<true>>();
    const keysOf = (column: number): KeyMap<true> => {
      const keys = keySets.get(column) ?? keyMap(customers, column);
      keySets.set(column, keys);
      return keys;
    };
    const grouped = new Map<number, Set<string>>();
    const leader = options.rereadable && pairs.length > 1 ? sampleLeader(pairs, deals.sample, keysOf) : undefined;
    const window = { since: options.since, until: options.until };
    const windowed = options.since !== undefined || options.until !== undefined;
    this.candidates = pairs.map((pair, i) => {
      const keys = keysOf(pair.customer);
      let tally: DealTally | undefined;
      let countHits = true;
      if (leader === undefined || leader === i) {
        const customerKeys = grouped.get(pair.customer) ?? groupKeys(customers, pair.customer);
        grouped.set(pair.customer, customerKeys);
        tally = new DealTally(dRoles, columns, pair.deal, customerKeys, window);
        // Without a window, a pair's matches are the tally's matched deals when both key sets agree, which
        // saves a second look-up per deal.
        countHits = windowed || !sameKeys(keys, customerKeys);
      }
      const hit = memoize((raw: string) => keys.has(normalizeKey(raw)));
      return { ...pair, normalize: keysNeedWork(deals.sample, pair.deal) ? memoize(normalizeKey) : normalizeKey, hit, keys, countHits, hits: 0, tally };
    });
    this.dates = dealDates(dRoles, columns);
    const roles = (['deal_stage', 'won', 'amount', 'created_date', 'close_date'] as const).map((r) => dRoles.byRole.get(r));
    this.columnsUsed = [...new Set([...pairs.map((p) => p.deal), ...roles.filter((c): c is number => c !== undefined)])];
  }

  /** Adds the next deal of the file. */
  add(row: readonly string[]): void {
    this.rows++;
    const [closeAt, createAt] = this.dates(row);
    for (const c of this.candidates) {
      const raw = row[c.deal];
      if (c.tally === undefined) {
        // The customer keys hold no empty key, so a missing cell never matches.
        if (raw !== undefined && c.hit(raw)) c.hits++;
        continue;
      }
      const key = raw === undefined ? '' : c.normalize(raw);
      if (c.countHits && c.keys.has(key)) c.hits++;
      c.tally.add(row, key, closeAt, createAt);
    }
  }

  /** The pair with the most matches (earlier pairs win ties), or --key's; undefined when none joins. */
  private best(): { candidate: Candidate; rate: number } | undefined {
    let best: { candidate: Candidate; rate: number } | undefined;
    for (const candidate of this.candidates) {
      const hits = candidate.countHits ? candidate.hits : (candidate.tally as DealTally).result().quality.matched;
      const rate = this.rows === 0 ? 0 : hits / this.rows;
      if (!best || rate > best.rate) best = { candidate, rate };
    }
    if (!best || (!this.options.key && best.rate === 0)) return undefined;
    return best;
  }

  /** Once every deal was added: the pair to read the deals again with, when it was not summed; else undefined. */
  get rereadPair(): Pair | undefined {
    const best = this.best();
    if (!best || best.candidate.tally) return undefined;
    const { customer, deal, reason } = best.candidate;
    return { customer, deal, reason };
  }

  /** The join once every deal was added: the pair with the most matches (earlier pairs win ties), or --key's. */
  finish(sha256: string): JoinedDeals {
    const best = this.best();
    if (!best) throw unjoinable(this.deals.name, this.customers.name);
    const { candidate, rate } = best;
    if (!candidate.tally) throw new InternalError('the best join pair was not summed: read the deals again with rereadPair');
    return {
      name: this.deals.name,
      header: this.deals.header,
      rows: this.rows,
      sha256,
      keys: { customerColumn: candidate.customer, dealColumn: candidate.deal, reason: candidate.reason, matchRate: rate },
      ...candidate.tally.result(),
    };
  }
}

/** A deals table already in memory, joined as DealJoin joins a file as it is read. */
export function joinDealTable(customers: Table, cRoles: RoleAssignment, deals: Table, options: DealJoinOptions): JoinedDeals {
  const head = { name: deals.name, header: deals.header, sample: deals.rows.slice(0, DEAL_SAMPLE_ROWS) };
  // A table in memory can always be read again.
  let join = new DealJoin(customers, cRoles, head, { rereadable: true, ...options });
  for (const row of deals.rows) join.add(row);
  const pair = join.rereadPair;
  if (pair) {
    join = new DealJoin(customers, cRoles, head, { ...options, pair });
    for (const row of deals.rows) join.add(row);
  }
  return join.finish(deals.sha256);
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

/**
 * Whether most key cells of the sample change under normalizeKey (names do: case, spaces): only then is
 * remembering its answers cheaper than computing them; ids come as they are compared.
 */
function keysNeedWork(sample: readonly string[][], column: number): boolean {
  let changed = 0;
  for (const row of sample) {
    const raw = row[column];
    if (raw !== undefined && normalizeKey(raw) !== raw) changed++;
  }
  return changed * 2 > sample.length;
}

/** The keys groupCustomers gives the customers when grouped by `column`, without building the records. */
function groupKeys(customers: Table, column: number): Set<string> {
  const keys = new Set<string>();
  const normalize = memoize(normalizeKey);
  customers.rows.forEach((row, index) => {
    const raw = row[column] ?? '';
    keys.add(isMissing(raw) ? `#row${index + 1}` : normalize(raw));
  });
  return keys;
}

/** True when the two hold the same keys. */
function sameKeys(keys: KeyMap<true>, customerKeys: ReadonlySet<string>): boolean {
  let size = 0;
  for (const key of customerKeys) {
    if (!keys.has(key)) return false;
    size++;
  }
  return size === keys.size;
}

/** keySet of a customers column as a KeyMap, with normalizeKey remembered for values that repeat (names). */
function keyMap(customers: Table, column: number): KeyMap<true> {
  const map = new KeyMap<true>();
  const normalize = memoize(normalizeKey);
  for (const row of customers.rows) {
    const raw = row[column];
    const key = raw === undefined ? '' : normalize(raw);
    if (key !== '') map.set(key, true);
  }
  return map;
}

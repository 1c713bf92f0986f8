import { assignRoles, type Role, type RoleAssignment } from '../columns/roles.js';
import { typeTable } from '../columns/type-table.js';
import type { Table } from '../table.js';
import { groupCustomers } from './customers.js';
import { dealDates, DealTally, type DealQuality, type DealStats } from './deals.js';
import { candidatePairs, headerIndex, keySet, unjoinable, type JoinKeys, type Pair } from './join.js';
import { KeyMap } from './key-map.js';
import { normalizeKey } from './keys.js';
import { memoize } from '../score/memoize.js';

export interface DealJoinOptions {
  map?: ReadonlyMap<Role, string> | undefined;
  key?: { customer: string; deal?: string } | undefined;
  since?: number | undefined;
  until?: number | undefined;
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
  keys: KeyMap<true>;
  hits: number;
  tally: DealTally;
}

/** Rows of the deals file used to type its columns, as typeTable does for a whole table. */
export const DEAL_SAMPLE_ROWS = 5000;

/**
 * chooseJoinKeys and aggregateDeals for deals read one row at a time, so that derive never holds the deals
 * file: every candidate pair of key columns counts its matches and sums its deals as rows arrive, and
 * finish() keeps the pair chooseJoinKeys would choose. Only the first rows (the sample) type the columns.
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
    const pairs: Pair[] = key
      ? [{ customer: headerIndex(customers, key.customer, '--key'), deal: headerIndex(sampleTable, key.deal ?? key.customer, '--key'), reason: '--key' }]
      : candidatePairs(customers, cRoles, sampleTable, dRoles);
    const keySets = new Map<number, KeyMap<true>>();
    const grouped = new Map<number, Set<string>>();
    this.candidates = pairs.map((pair) => {
      const keys = keySets.get(pair.customer) ?? keyMap(keySet(customers, pair.customer));
      keySets.set(pair.customer, keys);
      const customerKeys = grouped.get(pair.customer) ?? new Set(groupCustomers(customers, pair.customer).customers.map((c) => c.key));
      grouped.set(pair.customer, customerKeys);
      const window = { since: options.since, until: options.until };
      return { ...pair, normalize: memoize(normalizeKey), keys, hits: 0, tally: new DealTally(dRoles, columns, pair.deal, customerKeys, window) };
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
      const key = raw === undefined ? '' : c.normalize(raw);
      if (c.keys.has(key)) c.hits++;
      c.tally.add(row, key, closeAt, createAt);
    }
  }

  /** The join once every deal was added: the pair with the most matches (earlier pairs win ties), or --key's. */
  finish(sha256: string): JoinedDeals {
    let best: { candidate: Candidate; rate: number } | undefined;
    for (const candidate of this.candidates) {
      const rate = this.rows === 0 ? 0 : candidate.hits / this.rows;
      if (!best || rate > best.rate) best = { candidate, rate };
    }
    if (!best || (!this.options.key && best.rate === 0)) throw unjoinable(this.deals.name, this.customers.name);
    const { candidate, rate } = best;
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
  const join = new DealJoin(customers, cRoles, { name: deals.name, header: deals.header, sample: deals.rows.slice(0, DEAL_SAMPLE_ROWS) }, options);
  for (const row of deals.rows) join.add(row);
  return join.finish(deals.sha256);
}

function keyMap(keys: Iterable<string>): KeyMap<true> {
  const map = new KeyMap<true>();
  for (const key of keys) map.set(key, true);
  return map;
}

import type { AccountSet } from '../report/accounts.js';

/** An account's closed deals in one window: the unit each criterion's effect is measured over. */
export interface WindowAccount {
  cells: readonly string[];
  won: number;
  lost: number;
  /** Deals of the account closed in the window, whatever their outcome. */
  deals: number;
}

/** A span of close dates, epoch ms, both ends included; since undefined is open at the start. */
export interface Span {
  since: number | undefined;
  until: number;
}

/**
 * Splits the deals scored once over the whole span into the accounts active in each window (an account
 * with at least one deal closed in it), so that the files are typed and joined once for every window.
 */
export function windowAccounts(set: AccountSet, spans: readonly Span[]): WindowAccount[][] {
  const cellsOf = new Map(set.accounts.map((a) => [a.key, a.cells]));
  return spans.map((span) => {
    const byKey = new Map<string, WindowAccount>();
    for (const d of set.matchedDeals) {
      if (d.closeAt === null || d.closeAt > span.until || (span.since !== undefined && d.closeAt < span.since)) continue;
      const cells = cellsOf.get(d.key);
      if (cells === undefined) continue;
      let a = byKey.get(d.key);
      if (!a) byKey.set(d.key, (a = { cells, won: 0, lost: 0, deals: 0 }));
      a.deals++;
      if (d.outcome === 'won') a.won++;
      else if (d.outcome === 'lost') a.lost++;
    }
    return [...byKey.values()];
  });
}

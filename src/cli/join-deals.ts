import { assignRoles } from '../core/columns/roles.js';
import type { DeriveOptions } from '../core/derive/derive.js';
import { DEAL_SAMPLE_ROWS, DealJoin, type JoinedDeals, type Reread } from '../core/profile/deal-join.js';
import type { Table } from '../core/table.js';
import type { CsvReadOptions } from '../io/csv/csv-read-options.js';
import { canReadTwice } from '../io/csv/rereadable.js';
import type { TableHead } from '../io/csv/stream-table.js';
import { readPartInPasses } from './part-pass.js';
import { readInPasses } from './read-passes.js';

/** How a deals read is followed and what it reads: every row, or the rows of one part (`part`, by row number). */
export interface DealsReadHooks {
  /** Hears when the file is read again (--verbose). */
  log?: ((line: string) => void) | undefined;
  onRows?: ((rows: number) => void) | undefined;
  /** Only these rows, as a file of their own (readPartInPasses): a --holdout part. */
  part?: ((row: number) => boolean) | undefined;
  /** Keep every joined deal with these cells of its row (from the deals' header): a per-deal view such as the contact roles. */
  keepCells?: ((header: readonly string[]) => readonly number[]) | undefined;
}

/** The options of derive that choose the deals join and its window. */
export type JoinOptions = Pick<DeriveOptions, 'map' | 'key' | 'since' | 'until'>;

/** Reads the deals file row by row, joining and summing each deal as it comes, for derive. */
export async function readJoinedDeals(
  path: string,
  read: CsvReadOptions,
  customers: Table,
  options: JoinOptions,
  hooks: DealsReadHooks = {},
): Promise<JoinedDeals> {
  const roles = assignRoles(customers.header, options.map, customers.name);
  const joinOptions = { map: options.map, key: options.key, since: options.since, until: options.until, rereadable: canReadTwice(path) };
  const keep = (head: TableHead) => (hooks.keepCells ? { keepDeals: true, keepCells: hooks.keepCells(head.header) } : {});
  const make = (head: TableHead, again: Reread | undefined) => new DealJoin(customers, roles, head, { ...joinOptions, ...keep(head), ...again });
  const onReread = (again: Reread) =>
    hooks.log?.(
      `reading ${path} again: ${'pair' in again ? `only the pair that joins the most deals is summed` : 'counting and summing every pair of join columns'}`,
    );
  const passHooks = { onRows: hooks.onRows, onReread };
  const { pass, sha256 } = hooks.part
    ? await readPartInPasses(path, read, { sampleRows: DEAL_SAMPLE_ROWS, inPart: hooks.part, shareCells: false }, make, passHooks)
    : await readInPasses(path, read, DEAL_SAMPLE_ROWS, make, passHooks);
  return pass.finish(sha256);
}

import { assignRoles } from '../core/columns/roles.js';
import type { DeriveOptions } from '../core/derive/derive.js';
import { DEAL_SAMPLE_ROWS, DealJoin, type JoinedDeals, type Reread } from '../core/profile/deal-join.js';
import type { Table } from '../core/table.js';
import type { CsvReadOptions } from '../io/csv/csv-read-options.js';
import { canReadTwice } from '../io/csv/rereadable.js';
import type { TableHead } from '../io/csv/stream-table.js';
import { readInPasses } from './read-passes.js';

/**
 * Reads the deals file row by row, joining and summing each deal as it comes, for derive; `log` hears when
 * the file is read again (--verbose).
 */
export async function readJoinedDeals(
  path: string,
  read: CsvReadOptions,
  customers: Table,
  options: DeriveOptions,
  log?: (line: string) => void,
  onRows?: (rows: number) => void,
): Promise<JoinedDeals> {
  const roles = assignRoles(customers.header, options.map, customers.name);
  const joinOptions = { map: options.map, key: options.key, since: options.since, until: options.until, rereadable: canReadTwice(path) };
  const make = (head: TableHead, again: Reread | undefined) => new DealJoin(customers, roles, head, { ...joinOptions, ...again });
  const onReread = (again: Reread) =>
    log?.(
      `reading ${path} again: ${'pair' in again ? `only the pair that joins the most deals is summed` : 'counting and summing every pair of join columns'}`,
    );
  const { pass, sha256 } = await readInPasses(path, read, DEAL_SAMPLE_ROWS, make, { onRows, onReread });
  return pass.finish(sha256);
}

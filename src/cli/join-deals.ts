import { assignRoles, type RoleAssignment } from '../core/columns/roles.js';
import type { DeriveOptions } from '../core/derive/derive.js';
import { DEAL_SAMPLE_ROWS, DealJoin, type DealJoinOptions, type JoinedDeals } from '../core/profile/deal-join.js';
import type { Table } from '../core/table.js';
import type { CsvReadOptions } from '../io/csv/csv-read-options.js';
import { canReadTwice } from '../io/csv/rereadable.js';
import { streamTable } from '../io/csv/stream-table.js';

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
  let pass = await joinPass(path, read, customers, roles, joinOptions, onRows);
  // The first read may leave the join unsettled (see DealJoin.reread): read again as it says.
  for (let again = pass.join.reread; again; again = pass.join.reread) {
    log?.(
      `reading ${path} again: ${'pair' in again ? `only the pair that joins the most deals is summed` : 'counting and summing every pair of join columns'}`,
    );
    // The same file gives the same warnings: they were said on the first read.
    pass = await joinPass(path, { ...read, onWarning: () => undefined }, customers, roles, { ...joinOptions, ...again }, onRows);
  }
  return pass.join.finish(pass.sha256);
}

/** One read of the deals through a DealJoin. */
async function joinPass(
  path: string,
  read: CsvReadOptions,
  customers: Table,
  roles: RoleAssignment,
  options: DealJoinOptions,
  onRows?: (rows: number) => void,
): Promise<{ join: DealJoin; sha256: string }> {
  const { consumer, sha256 } = await streamTable(path, read, DEAL_SAMPLE_ROWS, (head) => {
    const join = new DealJoin(customers, roles, head, options);
    return {
      join,
      columnsUsed: join.columnsUsed,
      add: (row: readonly string[], at: number) => {
        // Cheap enough per row: the callback only draws every 1,024 rows and ten times a second at most.
        if ((at & 1023) === 0) onRows?.(at);
        join.add(row);
      },
    };
  });
  return { join: consumer.join, sha256 };
}

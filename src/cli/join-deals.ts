import { assignRoles } from '../core/columns/roles.js';
import type { DeriveOptions } from '../core/derive/derive.js';
import { DEAL_SAMPLE_ROWS, DealJoin, type JoinedDeals } from '../core/profile/deal-join.js';
import type { Table } from '../core/table.js';
import type { CsvReadOptions } from '../io/csv-reader.js';
import { canReadTwice } from '../io/rereadable.js';
import { streamTable } from '../io/stream-table.js';

/** Reads the deals file row by row, joining and summing each deal as it comes, for derive. */
export async function readJoinedDeals(path: string, read: CsvReadOptions, customers: Table, options: DeriveOptions): Promise<JoinedDeals> {
  const roles = assignRoles(customers.header, options.map, customers.name);
  const joinOptions = { map: options.map, key: options.key, since: options.since, until: options.until, rereadable: canReadTwice(path) };
  const first = await streamTable(path, read, DEAL_SAMPLE_ROWS, (head) => new DealJoin(customers, roles, head, joinOptions));
  // Only the pair leading on the first deals was summed; another won in the end, so read again with it.
  const pair = first.consumer.rereadPair;
  const { consumer, sha256 } = pair ? await streamTable(path, read, DEAL_SAMPLE_ROWS, (head) => new DealJoin(customers, roles, head, { ...joinOptions, pair })) : first;
  return consumer.finish(sha256);
}

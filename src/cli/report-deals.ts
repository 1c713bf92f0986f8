import type { Role } from '../core/columns/roles.js';
import { DEAL_SAMPLE_ROWS } from '../core/profile/deal-join.js';
import type { DealWindow } from '../core/profile/deal-types.js';
import { ReportDealsPass, type ReportRereads } from '../core/report/report-deals.js';
import type { StreamedDeals } from '../core/report/streamed-deals.js';
import { typed } from '../core/report/typed-table.js';
import type { Table } from '../core/table.js';
import type { CsvReadOptions } from '../io/csv/csv-read-options.js';
import { canReadTwice } from '../io/csv/rereadable.js';
import type { TableHead } from '../io/csv/stream-table.js';
import type { DealsReadHooks } from './join-deals.js';
import { readPartInPasses } from './part-pass.js';
import { readInPasses } from './read-passes.js';

/**
 * Reads report's deals file row by row, each deal joined to the customers (and to the leads when they need
 * it) as it comes, so that the report never holds the deals; read again when a join asks (ReportDealsPass).
 */
export async function readReportDeals(
  path: string,
  read: CsvReadOptions,
  x: { customers: Table; leads: Table | undefined; map: ReadonlyMap<Role, string>; window: DealWindow },
  hooks: Omit<DealsReadHooks, 'log'> = {},
): Promise<StreamedDeals> {
  const customers = typed(x.customers, x.map);
  const leads = x.leads && typed(x.leads, x.map);
  const rereadable = canReadTwice(path);
  const make = (head: TableHead, again: ReportRereads | undefined) =>
    new ReportDealsPass({ customers, leads, map: x.map, window: x.window, rereadable, again }, head);
  const { onRows, part } = hooks;
  const { pass, sha256 } = part
    ? await readPartInPasses(path, read, { sampleRows: DEAL_SAMPLE_ROWS, inPart: part, shareCells: true }, make, { onRows })
    : await readInPasses(path, read, DEAL_SAMPLE_ROWS, make, { onRows });
  return pass.finish(sha256);
}

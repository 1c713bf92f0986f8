import type { ReportOptions } from '../core/report/build-report.js';
import { mapFor } from '../core/columns/file-maps.js';
import type { Table } from '../core/table.js';
import { readTable } from '../io/csv/read-table.js';
import type { CommandContext } from './context.js';
import { csvOptions, inputPath, readOptionsFor } from './input.js';
import type { REPORT_OPTIONS } from './options/report.js';
import type { OptionValues } from './options/spec.js';
import { Progress } from './progress.js';
import { readReportDeals } from './report-deals.js';

/** The options that name report's files and how to read them (report's, and profile's, which has no --holdout). */
export type ReportInputValues = Pick<OptionValues<typeof REPORT_OPTIONS>, 'customers' | 'deals' | 'leads' | 'spend' | 'map' | 'encoding' | 'inputDelimiter'> & {
  holdout?: OptionValues<typeof REPORT_OPTIONS>['holdout'];
};

/**
 * The report's files: customers, leads and spend read whole; the deals joined as they are read. With
 * --holdout, how to read the deals is handed to runHoldout, which splits them with the customers.
 */
export async function readReportInputs(o: ReportInputValues, options: Pick<ReportOptions, 'since' | 'until'>, ctx: CommandContext) {
  const read = csvOptions(o, ctx);
  const progress = new Progress(ctx.stderr, ctx.stderrIsTTY && !ctx.quiet, 'report:');
  const readOf = (path: string) => readOptionsFor(path, read);
  const table = (path: string | undefined): Promise<Table | undefined> =>
    path === undefined ? Promise.resolve(undefined) : readTable(inputPath(path, ctx), readOf(path), (n, name) => progress.rows(n, name));
  const customers = (await table(o.customers)) as Table;
  const [leads, spend] = [await table(o.leads), await table(o.spend)];
  const shown = o.deals === '-' ? '<stdin>' : String(o.deals);
  const onRows = (n: number) => progress.rows(n, shown);
  const holdoutDeals = {
    path: o.deals === undefined ? undefined : inputPath(o.deals, ctx),
    read: readOf(o.deals ?? ''),
    onRows,
    done: () => progress.done(),
  };
  if (o.holdout) return { customers, leads, spend, deals: undefined, holdoutDeals };
  const window = { since: options.since, until: options.until };
  const deals =
    o.deals === undefined
      ? undefined
      : await readReportDeals(inputPath(o.deals, ctx), readOf(o.deals), { customers, leads, map: mapFor('records', o.map), window }, { onRows });
  progress.done();
  return { customers, leads, spend, deals, holdoutDeals };
}

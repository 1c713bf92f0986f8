import { DERIVE_SEED } from '../core/derive/derive-seed.js';
import type { IcpDocument } from '../core/icp/schema.js';
import { DEAL_SAMPLE_ROWS } from '../core/profile/deal-join.js';
import type { DealWindow } from '../core/profile/deal-types.js';
import { checkHoldoutParts, dealsOfPart, splitHoldout, type HoldoutSpec } from '../core/report/holdout.js';
import { customerOwners, DealOwners, type HoldoutKeys } from '../core/report/holdout-owners.js';
import { holdoutDerive, holdoutRun, type HoldoutArgs, type HoldoutRun } from '../core/report/holdout-run.js';
import type { Table } from '../core/table.js';
import type { CsvReadOptions } from '../io/csv/csv-read-options.js';
import { readTable } from '../io/csv/read-table.js';
import { canReadTwice } from '../io/csv/rereadable.js';
import { deriveOptions } from './commands/derive.js';
import type { CommandContext } from './context.js';
import { readJoinedDeals } from './join-deals.js';
import type { REPORT_OPTIONS } from './options/report.js';
import type { OptionValues } from './options/spec.js';
import { partDigest } from './part-digest.js';
import { readInPasses } from './read-passes.js';
import { recordedDeriveOptions } from './recorded-options.js';
import { readReportDeals } from './report-deals.js';

type ReportValues = OptionValues<typeof REPORT_OPTIONS>;

/** The spec as the output names it: `30%` (also for `0.3`) or `2026-01-01`. */
function holdoutLabel(spec: { share: number } | { date: number }): string {
  return 'share' in spec ? `${Number((spec.share * 100).toFixed(4))}%` : new Date(spec.date).toISOString().slice(0, 10);
}

/** Where --holdout reads its deals from, and how it tells the progress line. */
export interface HoldoutDeals {
  /** The deals file resolved (undefined: none given; `-`: stdin), with its read options. */
  path: string | undefined;
  read: CsvReadOptions;
  onRows: (rows: number) => void;
}

/**
 * `--holdout`: splits the customers (and their deals), derives an ICP on one part with the options the saved
 * ICP recorded, and gives the other part to report on. A deals file that can be read again is never held:
 * it is read for the join columns, for each deal's customer, then for each part's deals (as files of their
 * own); stdin is read whole and split in memory, to the same report.
 */
export async function runHoldout(
  holdout: NonNullable<ReportValues['holdout']>,
  o: ReportValues,
  x: { doc: IcpDocument; customers: Table; leads: Table | undefined; dealBased: boolean; window: DealWindow; deals: HoldoutDeals },
  ctx: CommandContext,
): Promise<HoldoutRun> {
  const { doc, customers, deals } = x;
  const recordedSeed = doc.options?.seed;
  const spec: HoldoutSpec =
    'share' in holdout ? { share: holdout.share, seed: o.seed ?? (typeof recordedSeed === 'number' ? recordedSeed : DERIVE_SEED) } : holdout;
  // The saved ICP's own options, its deal window included: the derive part is derived as the ICP was.
  const { options, recorded: recordedOptions } = deriveOptions(recordedDeriveOptions(doc.options ?? {}, o.map, true));
  const args: HoldoutArgs = {
    doc,
    customers,
    spec,
    label: holdoutLabel(holdout),
    dealBased: x.dealBased,
    options,
    recordedOptions,
    generatedAt: ctx.now().toISOString(),
    digest: partDigest,
  };
  if (deals.path === undefined) return holdoutRun({ ...args, deals: undefined });
  if (!canReadTwice(deals.path)) return holdoutRun({ ...args, deals: await readTable(deals.path, deals.read, (n) => deals.onRows(n)) });
  const { path, onRows } = deals;
  // The file's warnings are said on its first read only.
  const read = deals.read;
  const again = { ...read, onWarning: () => undefined };
  const joined = await readJoinedDeals(path, read, customers, { map: options.map, key: options.key }, { onRows });
  const keys: HoldoutKeys = { customerColumn: joined.keys.customerColumn, dealColumn: joined.keys.dealColumn };
  const owners = customerOwners(customers, keys);
  const ownersPass = await readInPasses(path, again, DEAL_SAMPLE_ROWS, (head) => new DealOwners(head, owners, keys.dealColumn, options.map, 'date' in spec), {
    onRows,
  });
  const split = splitHoldout({ customers, deals: ownersPass.pass.finish(), keys, map: options.map, spec });
  checkHoldoutParts(split, spec, args.label, x.dealBased);
  const deriveDeals = x.dealBased
    ? await readJoinedDeals(path, again, partDigest(split.derive.customers), options, { part: dealsOfPart(split, 'derive'), onRows })
    : undefined;
  const reportCustomers = partDigest(split.report.customers);
  const reportDeals = await readReportDeals(
    path,
    again,
    { customers: reportCustomers, leads: x.leads, map: o.map, window: x.window },
    { part: dealsOfPart(split, 'report'), onRows },
  );
  return holdoutDerive(args, split, { derive: deriveDeals, report: reportDeals });
}

import type { DeriveOptions } from '../derive/derive-types.js';
import { derive } from '../derive/derive.js';
import type { IcpDocument } from '../icp/schema.js';
import { plural } from '../plural.js';
import type { Table } from '../table.js';
import type { Warning } from '../warnings.js';
import type { JoinedDeals } from '../profile/deal-join-types.js';
import { checkHoldoutParts, holdoutKeys, splitHoldout, type HoldoutSpec, type HoldoutSplit } from './holdout.js';
import type { StreamedDeals } from './streamed-deals.js';

/** What `--holdout` split and derived, as the JSON's `holdout` object. */
export interface HoldoutSummary {
  /** The share held out (`30%`, also for `--holdout 0.3`) or the date (`2026-01-01`). */
  spec: string;
  method: 'random' | 'date';
  /** The seed of a random split; null for a date. */
  seed: number | null;
  /** The date of a date split (YYYY-MM-DD); null for a share. */
  date: string | null;
  derive_customers: number;
  report_customers: number;
  derive_deals: number;
  report_deals: number;
  /** Rows in neither part: customers a date cannot place (no date) and their deals, deals joined to no customer. */
  left_out_customers: number;
  left_out_deals: number;
  /** The ICP derived on the derive part: the one the report applies (the --icp file gave only its options). */
  icp: IcpDocument;
}

/** What --holdout gives the report: the report part with the ICP derived on the other part, and what happened. */
export interface HoldoutRun {
  input: { doc: IcpDocument; customers: Table; deals: Table | StreamedDeals | undefined };
  summary: HoldoutSummary;
  warnings: Warning[];
}

/** What a holdout derives and reports with, but for the deals of its parts. */
export interface HoldoutArgs {
  doc: IcpDocument;
  customers: Table;
  spec: HoldoutSpec;
  label: string;
  dealBased: boolean;
  options: DeriveOptions;
  recordedOptions: Record<string, string | number | boolean | null | string[]>;
  generatedAt: string;
  digest: (table: Table) => Table;
}

/**
 * `--holdout` on a deals table in memory: splits the customers (and their deals), derives an ICP on the
 * derive part with the options the saved ICP recorded (`options`, read by the caller), and returns the report
 * part with that ICP to report on. `digest` gives each part a digest of its own (see the cli's partDigest):
 * core hashes nothing. A deals file that can be read again is split as it is read instead (the cli's holdout).
 */
export function holdoutRun(a: HoldoutArgs & { deals: Table | undefined }): HoldoutRun {
  const { options, digest } = a;
  const keys = holdoutKeys(a.customers, a.deals, { map: options.map, key: options.key });
  const split = splitHoldout({ customers: a.customers, deals: a.deals, keys, map: options.map, spec: a.spec });
  checkHoldoutParts(split, a.spec, a.label, a.dealBased);
  const part = (t: Table | undefined) => t && digest(t);
  return holdoutDerive(a, split, { derive: part(split.derive.deals), report: part(split.report.deals) });
}

/**
 * Derives the ICP on the derive part of a split (checked already: checkHoldoutParts), its deals a table or
 * joined as they were read; an ICP mined from the customers alone (a value column) is derived without them.
 */
export function holdoutDerive(
  a: HoldoutArgs,
  split: HoldoutSplit,
  deals: { derive: Table | JoinedDeals | undefined; report: Table | StreamedDeals | undefined },
): HoldoutRun {
  const { digest } = a;
  const dealsIn = a.dealBased ? deals.derive : undefined;
  const derived = derive({
    customers: digest(split.derive.customers),
    ...(dealsIn && ('byKey' in dealsIn ? { joinedDeals: dealsIn } : { deals: dealsIn })),
    options: a.options,
    generatedAt: a.generatedAt,
    recordedOptions: a.recordedOptions,
  });
  const warnings = derived.warnings.map((w) => ({ ...w, message: `holdout derive: ${w.message}` }));
  if (split.leftOut.customers > 0)
    warnings.push({
      file: a.customers.name,
      message: `⟨holdout⟩ ${a.label}: ${plural(split.leftOut.customers, 'customer')} with no created date and no dated deal left out of both parts`,
    });
  const summary: HoldoutSummary = {
    spec: a.label,
    method: 'share' in a.spec ? 'random' : 'date',
    seed: 'share' in a.spec ? a.spec.seed : null,
    date: 'date' in a.spec ? new Date(a.spec.date).toISOString().slice(0, 10) : null,
    derive_customers: split.derive.customerCount,
    report_customers: split.report.customerCount,
    derive_deals: split.derive.dealRows.length,
    report_deals: split.report.dealRows.length,
    left_out_customers: split.leftOut.customers,
    left_out_deals: split.leftOut.dealRows.length,
    icp: derived.doc,
  };
  return { input: { doc: derived.doc, customers: digest(split.report.customers), deals: deals.report }, summary, warnings };
}

/** What a holdout report must say in its notes: which ICP it applies, and on whom. */
export function holdoutNotes(h: HoldoutSummary, customersName: string, icpPath: string, withSpend: boolean): string[] {
  const how =
    h.method === 'random'
      ? `${h.spec} of the customers held out at random (seed ${h.seed})`
      : `customers created (or with a first deal) before ${h.date} derive, the others report`;
  const notes = [
    `out of sample (--holdout ${h.spec}: ${how}): the ICP was derived afresh on ${plural(h.derive_customers, 'customer')} of ${customersName} with the options recorded in ${icpPath}, whose own criteria are not used; the figures are of the ${h.report_customers} others (holdout.icp in the JSON is the ICP applied)`,
  ];
  if (h.left_out_deals > 0 || h.left_out_customers > 0)
    notes.push(
      `--holdout: in neither part: ${plural(h.left_out_customers, 'customer')} with no date, ${plural(h.left_out_deals, 'deal')} of no customer or of those`,
    );
  if (withSpend)
    notes.push(
      '--holdout: the spend covers every customer, but only the won accounts of the report part count: CAC is overstated (about 1 / the share reported times)',
    );
  return notes;
}

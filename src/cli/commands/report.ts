import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { derive } from '../../core/derive/derive.js';
import { DERIVE_SEED } from '../../core/derive/derive-seed.js';
import type { IcpDocument } from '../../core/icp/schema.js';
import { checkHoldoutParts, holdoutKeys, splitHoldout, type HoldoutSpec } from '../../core/report/holdout.js';
import { plural } from '../../core/plural.js';
import { buildReport, type ReportOptions } from '../../core/report/build-report.js';
import type { Report } from '../../core/report/report-types.js';
import type { Table } from '../../core/table.js';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../io/output/atomic-write.js';
import { readTable } from '../../io/csv/read-table.js';
import { renderReport } from '../../render/report.js';
import { renderReportMarkdown } from '../../render/report-markdown.js';
import type { CommandContext } from '../context.js';
import { csvOptions, inputPath } from '../input.js';
import { loadIcp } from '../load-icp.js';
import { Progress } from '../progress.js';
import { recordedDeriveOptions } from '../recorded-options.js';
import type { REPORT_OPTIONS } from '../options/report.js';
import type { OptionValues } from '../options/spec.js';
import type { Role } from '../../core/columns/role-names.js';
import type { CommandInput } from '../command-module.js';
import { deriveOptions } from './derive.js';

/** The spec as the output names it: `30%` (also for `0.3`) or `2026-01-01`. */
function holdoutLabel(spec: { share: number } | { date: number }): string {
  return 'share' in spec ? `${Number((spec.share * 100).toFixed(4))}%` : new Date(spec.date).toISOString().slice(0, 10);
}

type ReportValues = OptionValues<typeof REPORT_OPTIONS>;

/** report's options as core takes them, checked against each other before any file is read. */
export function reportOptions(o: ReportValues): ReportOptions {
  const options: ReportOptions = { ...(o.icpTiers && { icpTiers: o.icpTiers }), since: o.since, until: o.until, map: o.map };
  if (o.since !== undefined && o.until !== undefined && o.since > o.until) {
    throw new UsageError(`--since ${day(o.since)} is after --until ${day(o.until)}`);
  }
  if (o.seed !== undefined && o.holdout === undefined)
    throw new UsageError('--seed is the seed of the --holdout split: give --holdout too', {
      hint: 'e.g. icp report --customers accounts.csv --deals deals.csv --holdout 30% --seed 7',
    });
  const stdin = (['customers', 'deals', 'leads', 'spend'] as const).filter((k) => o[k] === '-');
  if (stdin.length > 1) throw new UsageError(`only one input can be read from stdin ("-"), got --${stdin.join(' and --')}`);
  return options;
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

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

/** The report in the chosen format; a holdout report says so first. */
function render(report: Report, format: string, color: boolean, holdout: HoldoutSummary | undefined): string {
  if (format === 'json') return JSON.stringify(holdout ? { ...report, holdout } : report, null, 2) + '\n';
  const line =
    holdout &&
    `out of sample: ICP derived on ${plural(holdout.derive_customers, 'customer')}, reported on ${holdout.report_customers} others (${holdout.method === 'random' ? `${holdout.spec} held out at random, seed ${holdout.seed}` : `split at ${holdout.date}`})`;
  if (format === 'md') {
    const md = renderReportMarkdown(report);
    // Under the title, where a reader looks first.
    return line ? md.replace(/^(# [^\n]*\n\n)/, `$1**${line}**\n\n`) : md;
  }
  return (line ? `${line}\n\n` : '') + renderReport(report, color);
}

/** `icp report`: ICP vs non-ICP outcomes (win rate, cycle, CLV, conversion, CAC), tier by tier, with tests. */
export async function run({ options: o }: CommandInput<typeof REPORT_OPTIONS>, ctx: CommandContext): Promise<number> {
  const options = reportOptions(o);
  const { holdout, format, icp: icpPath } = o;
  const doc = await loadIcp(icpPath, ctx);
  const dealBased = doc.source.some((s) => s.role === 'deals');
  if (holdout && dealBased && o.deals === undefined) {
    throw new UsageError(`--holdout re-derives the ICP as ${icpPath} was derived, from deals: give --deals <file>`);
  }
  const read = csvOptions(o, ctx);
  const progress = new Progress(ctx.stderr, ctx.stderrIsTTY && !ctx.quiet, 'report:');
  const table = (path: string | undefined): Promise<Table | undefined> =>
    path === undefined
      ? Promise.resolve(undefined)
      : readTable(inputPath(path, ctx), path === '-' ? read : { ...read, stdin: undefined }, (n, name) => progress.rows(n, name));
  const customers = (await table(o.customers)) as Table;
  const [deals, leads, spend] = [await table(o.deals), await table(o.leads), await table(o.spend)];
  progress.done();
  let summary: HoldoutSummary | undefined;
  let input = { doc, customers, deals };
  if (holdout) {
    const recordedSeed = doc.options?.seed;
    const spec: HoldoutSpec =
      'share' in holdout ? { share: holdout.share, seed: o.seed ?? (typeof recordedSeed === 'number' ? recordedSeed : DERIVE_SEED) } : holdout;
    ({ input, summary } = holdoutInput({ doc, customers, deals, spec, label: holdoutLabel(holdout), dealBased, cliMap: o.map, ctx }));
  }
  const { report, warnings } = buildReport({ ...input, leads, spend, options });
  for (const w of warnings) ctx.warn(w);
  if (summary) report.notes.push(...holdoutNotes(summary, input.customers.name, icpPath, spend !== undefined));
  const { output } = o;
  if (output === undefined || output === '-') {
    ctx.stdout.write(render(report, format, ctx.color, summary));
    return 0;
  }
  await writeFileAtomic(resolve(ctx.cwd, output), render(report, format, false, summary), { displayPath: output });
  if (!ctx.quiet) ctx.stderr.write(`wrote ${output} (${format}); ${report.verdict}\n`);
  return 0;
}

/**
 * `--holdout`: splits the customers (and their deals), derives an ICP on the derive part with the options
 * the saved ICP recorded, and returns the report part with that ICP to report on.
 */
function holdoutInput(a: {
  doc: IcpDocument;
  customers: Table;
  deals: Table | undefined;
  spec: HoldoutSpec;
  label: string;
  dealBased: boolean;
  cliMap: ReadonlyMap<Role, string>;
  ctx: CommandContext;
}): { input: { doc: IcpDocument; customers: Table; deals: Table | undefined }; summary: HoldoutSummary } {
  const recorded = a.doc.options ?? {};
  // The saved ICP's own options, its deal window included: the derive part is derived as the ICP was.
  const { options, recorded: recordedOptions } = deriveOptions(recordedDeriveOptions(recorded, a.cliMap, true));
  const keys = holdoutKeys(a.customers, a.deals, { map: options.map, key: options.key });
  const split = splitHoldout({ customers: a.customers, deals: a.deals, keys, map: options.map, spec: a.spec });
  checkHoldoutParts(split, a.spec, a.label, a.dealBased);
  const derivePart = { customers: partDigest(split.derive.customers), deals: split.derive.deals && partDigest(split.derive.deals) };
  // An ICP mined from the customers alone (a value column) is re-derived so: the deals only go to the report.
  const derived = derive({
    customers: derivePart.customers,
    deals: a.dealBased ? derivePart.deals : undefined,
    options,
    generatedAt: a.ctx.now().toISOString(),
    recordedOptions,
  });
  for (const w of derived.warnings) a.ctx.warn({ ...w, message: `holdout derive: ${w.message}` });
  if (split.leftOut.customers > 0)
    a.ctx.warn({
      file: a.customers.name,
      message: `--holdout ${a.label}: ${plural(split.leftOut.customers, 'customer')} with no created date and no dated deal left out of both parts`,
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
  const deals = split.report.deals && partDigest(split.report.deals);
  return { input: { doc: derived.doc, customers: partDigest(split.report.customers), deals }, summary };
}

/**
 * A part of a file with a digest of its own (of its header and rows, not of any file's bytes): a part must
 * not pass for the whole file, which would make the report look in-sample (the same sha256 as a source).
 */
function partDigest(table: Table): Table {
  return {
    ...table,
    sha256: createHash('sha256')
      .update(JSON.stringify([table.header, table.rows]))
      .digest('hex'),
  };
}

/** What a holdout report must say in its notes: which ICP it applies, and on whom. */
function holdoutNotes(h: HoldoutSummary, customersName: string, icpPath: string, withSpend: boolean): string[] {
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

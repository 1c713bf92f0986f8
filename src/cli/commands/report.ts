import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { DERIVE_SEED } from '../../core/derive/derive-seed.js';
import type { HoldoutSpec } from '../../core/report/holdout.js';
import { holdoutNotes, holdoutRun, type HoldoutSummary } from '../../core/report/holdout-run.js';
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
import { readReportDeals } from '../report-deals.js';
import { wordOptions } from '../option-words.js';
import type { REPORT_OPTIONS } from '../options/report.js';
import type { OptionValues } from '../options/spec.js';
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
  const { customers, leads, spend, dealsTable, streamed } = await readInputs(o, options, ctx);
  const deals = dealsTable ?? streamed;
  let summary: HoldoutSummary | undefined;
  let input: { doc: typeof doc; customers: Table; deals: typeof deals } = { doc, customers, deals };
  if (holdout) {
    const recordedSeed = doc.options?.seed;
    const spec: HoldoutSpec =
      'share' in holdout ? { share: holdout.share, seed: o.seed ?? (typeof recordedSeed === 'number' ? recordedSeed : DERIVE_SEED) } : holdout;
    // The saved ICP's own options, its deal window included: the derive part is derived as the ICP was.
    const { options: recorded, recorded: recordedOptions } = deriveOptions(recordedDeriveOptions(doc.options ?? {}, o.map, true));
    const generatedAt = ctx.now().toISOString();
    const run = holdoutRun({
      doc,
      customers,
      deals: dealsTable,
      spec,
      label: holdoutLabel(holdout),
      dealBased,
      options: recorded,
      recordedOptions,
      generatedAt,
      digest: partDigest,
    });
    for (const w of run.warnings) ctx.warn(w);
    ({ input, summary } = run);
  }
  const { report, warnings } = buildReport({ ...input, leads, spend, options });
  // A note may carry a reason core gave with its option placeholders (why the ICP's measure is not in the files).
  report.notes = report.notes.map(wordOptions);
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

/**
 * The report's files: customers, leads and spend read whole; the deals joined as they are read, or read whole
 * for --holdout, which splits them with the customers.
 */
async function readInputs(o: ReportValues, options: ReportOptions, ctx: CommandContext) {
  const read = csvOptions(o, ctx);
  const progress = new Progress(ctx.stderr, ctx.stderrIsTTY && !ctx.quiet, 'report:');
  const readOf = (path: string) => (path === '-' ? read : { ...read, stdin: undefined });
  const table = (path: string | undefined): Promise<Table | undefined> =>
    path === undefined ? Promise.resolve(undefined) : readTable(inputPath(path, ctx), readOf(path), (n, name) => progress.rows(n, name));
  const customers = (await table(o.customers)) as Table;
  const [leads, spend] = [await table(o.leads), await table(o.spend)];
  const dealsTable = o.holdout ? await table(o.deals) : undefined;
  const dealsPath = o.holdout ? undefined : o.deals;
  const window = { since: options.since, until: options.until };
  const shown = dealsPath === '-' ? '<stdin>' : String(dealsPath);
  const streamed =
    dealsPath === undefined
      ? undefined
      : await readReportDeals(inputPath(dealsPath, ctx), readOf(dealsPath), { customers, leads, map: o.map, window }, (n) => progress.rows(n, shown));
  progress.done();
  return { customers, leads, spend, dealsTable, streamed };
}

import { resolve } from 'node:path';
import { mapFor } from '../../core/columns/file-maps.js';
import { holdoutNotes, type HoldoutSummary } from '../../core/report/holdout-run.js';
import type { StreamedDeals } from '../../core/report/streamed-deals.js';
import { plural } from '../../core/plural.js';
import { buildReport, type ReportOptions } from '../../core/report/build-report.js';
import type { Report } from '../../core/report/report-types.js';
import type { Table } from '../../core/table.js';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../io/output/atomic-write.js';
import { renderReport } from '../../render/report.js';
import { renderReportMarkdown } from '../../render/report-markdown.js';
import type { CommandContext } from '../context.js';
import { loadIcp } from '../load-icp.js';
import { readReportInputs } from '../report-inputs.js';
import { addPersonaReport } from '../report-personas.js';
import { csvOptions, oneStdin } from '../input.js';
import { runHoldout } from '../report-holdout.js';
import { wordOptions } from '../option-words.js';
import type { REPORT_OPTIONS } from '../options/report.js';
import type { OptionValues } from '../options/spec.js';
import type { CommandInput } from '../command-module.js';

type ReportValues = OptionValues<typeof REPORT_OPTIONS>;

/** report's options as core takes them, checked against each other before any file is read. */
export function reportOptions(o: ReportValues): ReportOptions {
  const options: ReportOptions = { ...(o.icpTiers && { icpTiers: o.icpTiers }), since: o.since, until: o.until, map: mapFor('records', o.map) };
  if (o.since !== undefined && o.until !== undefined && o.since > o.until) {
    throw new UsageError(`--since ${day(o.since)} is after --until ${day(o.until)}`);
  }
  if (o.seed !== undefined && o.holdout === undefined)
    throw new UsageError('--seed is the seed of the --holdout split: give --holdout too', {
      hint: 'e.g. icp report --customers accounts.csv --deals deals.csv --holdout 30% --seed 7',
    });
  oneStdin({ '--customers': o.customers, '--deals': o.deals, '--leads': o.leads, '--spend': o.spend, '--contacts': o.contacts });
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
  const { customers, leads, spend, deals, holdoutDeals } = await readReportInputs(o, options, ctx);
  let summary: HoldoutSummary | undefined;
  let input: { doc: typeof doc; customers: Table; deals: Table | StreamedDeals | undefined } = { doc, customers, deals };
  if (holdout) {
    const window = { since: options.since, until: options.until };
    const run = await runHoldout(holdout, o, { doc, customers, leads, dealBased, window, deals: holdoutDeals }, ctx);
    holdoutDeals.done();
    for (const w of run.warnings) ctx.warn(w);
    ({ input, summary } = run);
  }
  const result = buildReport({ ...input, leads, spend, options });
  await addPersonaReport(result, input.doc, { contacts: o.contacts, titles: o.titles, holdout: holdout !== undefined }, o.map, csvOptions(o, ctx), ctx);
  const { report, warnings } = result;
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

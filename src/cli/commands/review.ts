import { mkdir, rmdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { lastCompleteQuarter } from '../../core/review/period.js';
import type { PageInput } from '../../core/page/build-page.js';
import { type Review, review } from '../../core/review/review.js';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../io/output/atomic-write.js';
import { acquireLock, type Lock } from '../../io/lock.js';
import { readTable } from '../../io/csv/read-table.js';
import { Progress } from '../progress.js';
import { stringifyIcp } from '../../io/yaml.js';
import { renderReview, renderReviewMarkdown } from '../../render/review.js';
import type { CommandContext } from '../context.js';
import { csvOptions, inputPath, oneStdin } from '../input.js';
import { loadIcp } from '../load-icp.js';
import type { REVIEW_OPTIONS } from '../options/review.js';
import type { CommandInput } from '../command-module.js';
import { deriveOptions } from './derive.js';
import { recordedDeriveOptions } from '../recorded-options.js';
import { filesColumns, writeProfilePage } from '../profile-page.js';

/** `icp review`: backtest the saved ICP on a quarter, propose an update, list drift; for cron. */
export async function run({ options: o }: CommandInput<typeof REVIEW_OPTIONS>, ctx: CommandContext): Promise<number> {
  // commander requires both flags; an empty file name is refused as before.
  if (!o.customers || !o.deals) throw new UsageError('review needs --customers <file> and --deals <file>', { hint: 'see "icp review --help"' });
  if (o.quarter && o.asOf !== undefined)
    throw new UsageError('give --quarter or --as-of, not both', {
      hint: '--quarter 2026Q3 names a quarter; --as-of 2026-10-15 reviews the quarter before that day',
    });
  oneStdin({ '--customers': o.customers, '--deals': o.deals });
  const today = o.asOf ?? ctx.now().getTime();
  const period = o.quarter ?? lastCompleteQuarter(today);
  const icpPath = o.icp;
  const doc = await loadIcp(icpPath, ctx);
  const { options, recorded } = deriveOptions(recordedDeriveOptions(doc.options ?? {}, o.map));
  const outDir = resolve(ctx.cwd, o.outDir);
  // The lock lives in the output folder and is taken before the work, so that a second run of the quarter
  // stops at once; a run that fails removes the folders it made, so a failed cron run leaves no empty reviews/.
  const created = await mkdir(outDir, { recursive: true });
  let lock: Lock | undefined;
  try {
    lock = await acquireLock(join(outDir, `.icp-review-${period.label}.lock`), `a review of ${period.label}`);
    if (lock.tookOver) ctx.warn({ message: `took over a stale lock of a killed review of ${period.label}` });
    const read = csvOptions(o, ctx);
    const progress = new Progress(ctx.stderr, ctx.stderrIsTTY && !ctx.quiet, 'review:');
    const customers = await readTable(inputPath(o.customers, ctx), read, (n, name) => progress.rows(n, name));
    const deals = await readTable(inputPath(o.deals, ctx), read, (n, name) => progress.rows(n, name));
    progress.done();
    const generatedAt = ctx.now().toISOString();
    const {
      review: result,
      warnings,
      periodReport,
    } = review({
      doc,
      customers,
      deals,
      period,
      windowQuarters: o.window,
      deriveOptions: options,
      generatedAt,
      recordedOptions: recorded,
    });
    for (const w of warnings) ctx.warn(w);
    const pageInput = { doc, icpFile: icpPath, report: periodReport, columns: filesColumns(customers, deals, options.map) };
    const files = await writeReviewFiles({ outDir, shownDir: o.outDir, label: period.label, result, generatedAt, icpPath, pageInput }, ctx);
    const proposedShown = files[2] as string;
    const { format } = o;
    if (format === 'json') ctx.stdout.write(JSON.stringify({ ...result, files }, null, 2) + '\n');
    else if (format === 'md') ctx.stdout.write(renderReviewMarkdown(result, generatedAt, proposedShown));
    else ctx.stdout.write(renderReview(result, ctx.color, files));
    return result.drift.found && o.failOnDrift ? 3 : 0;
  } finally {
    await lock?.release();
    // rmdir removes only an empty folder: one that holds this run's files or another run's lock stays.
    if (created !== undefined) await removeEmpty(outDir, created);
  }
}

/**
 * The review's dated files: the report (Markdown and JSON), the proposed ICP, and the quarter's profile page
 * (the saved ICP with the quarter's outcomes); returns their names as shown, in that order.
 */
async function writeReviewFiles(
  x: { outDir: string; shownDir: string; label: string; result: Review; generatedAt: string; icpPath: string; pageInput: Omit<PageInput, 'generatedAt'> },
  ctx: CommandContext,
): Promise<string[]> {
  const { outDir, shownDir, label, result, generatedAt } = x;
  const base = join(outDir, `icp-review-${label}`);
  const proposedName = `icp-proposed-${label}.yaml`;
  const proposedShown = join(shownDir, proposedName);
  const profileName = `icp-profile-${label}.html`;
  await writeFileAtomic(join(outDir, proposedName), stringifyIcp(result.proposed));
  await writeFileAtomic(`${base}.json`, JSON.stringify({ generated_at: generatedAt, icp: x.icpPath, ...result }, null, 2) + '\n');
  await writeFileAtomic(`${base}.md`, renderReviewMarkdown(result, generatedAt, proposedShown));
  const title = `${x.pageInput.doc.name}: ${label}`;
  await writeProfilePage(join(outDir, profileName), join(shownDir, profileName), { ...x.pageInput, title }, 'html', ctx);
  return [`${shownDir}/icp-review-${label}.md`, `${shownDir}/icp-review-${label}.json`, proposedShown, join(shownDir, profileName)];
}

/** Removes `dir` and its parents up to `top` (the first folder mkdir made), each only while it is empty. */
async function removeEmpty(dir: string, top: string): Promise<void> {
  for (let d = dir; ; d = dirname(d)) {
    try {
      await rmdir(d);
    } catch {
      return; // not empty, or already gone: leave it
    }
    if (d === top || dirname(d) === d) return;
  }
}

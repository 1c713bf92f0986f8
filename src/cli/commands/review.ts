import { mkdir, rmdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { lastCompleteQuarter } from '../../core/review/period.js';
import { review } from '../../core/review/review.js';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../io/output/atomic-write.js';
import { acquireLock, type Lock } from '../../io/lock.js';
import { readTable } from '../../io/csv/read-table.js';
import { Progress } from '../progress.js';
import { stringifyIcp } from '../../io/yaml.js';
import { renderReview, renderReviewMarkdown } from '../../render/review.js';
import type { CommandContext } from '../context.js';
import { csvOptions, inputPath } from '../input.js';
import { loadIcp } from '../load-icp.js';
import type { REVIEW_OPTIONS } from '../options/review.js';
import type { CommandInput } from '../command-module.js';
import { deriveOptions } from './derive.js';
import { recordedDeriveOptions } from '../recorded-options.js';

/** `icp review`: backtest the saved ICP on a quarter, propose an update, list drift; for cron. */
export async function run({ options: o }: CommandInput<typeof REVIEW_OPTIONS>, ctx: CommandContext): Promise<number> {
  // commander requires both flags; an empty file name is refused as before.
  if (!o.customers || !o.deals) throw new UsageError('review needs --customers <file> and --deals <file>', { hint: 'see "icp review --help"' });
  if (o.quarter && o.asOf !== undefined)
    throw new UsageError('give --quarter or --as-of, not both', {
      hint: '--quarter 2026Q3 names a quarter; --as-of 2026-10-15 reviews the quarter before that day',
    });
  if (o.customers === '-' && o.deals === '-') throw new UsageError('only one input can be read from stdin', { hint: 'give the deals as a file' });
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
    const { review: result, warnings } = review({
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
    const base = join(outDir, `icp-review-${period.label}`);
    const proposedName = `icp-proposed-${period.label}.yaml`;
    const shownDir = o.outDir;
    const proposedShown = join(shownDir, proposedName);
    await writeFileAtomic(join(outDir, proposedName), stringifyIcp(result.proposed));
    await writeFileAtomic(`${base}.json`, JSON.stringify({ generated_at: generatedAt, icp: icpPath, ...result }, null, 2) + '\n');
    await writeFileAtomic(`${base}.md`, renderReviewMarkdown(result, generatedAt, proposedShown));
    const files = [`${shownDir}/icp-review-${period.label}.md`, `${shownDir}/icp-review-${period.label}.json`, proposedShown];
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

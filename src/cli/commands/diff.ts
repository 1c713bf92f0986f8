import { diffIcp, type IcpDiff } from '../../core/diff/diff-icp.js';
import type { IcpDocument } from '../../core/icp/schema.js';
import { IcpError, UsageError } from '../../errors.js';
import { renderDiff } from '../../render/diff.js';
import type { CommandContext } from '../context.js';
import { loadIcp } from '../load-icp.js';
import type { CommandInput } from '../command-module.js';
import type { DIFF_OPTIONS } from '../options/small-commands.js';

/** Whether the two files differ at all: a criterion, a tier threshold or the status. */
function differs(diff: IcpDiff): boolean {
  return diff.changes.length > 0 || diff.tiers_changed || diff.status_changed;
}

/** Reads one side; trouble reading it is exit 2, as `diff` does, so that 1 keeps meaning "they differ". */
async function side(path: string, ctx: CommandContext, hint: string): Promise<IcpDocument> {
  try {
    return await loadIcp(path, ctx, hint);
  } catch (error) {
    if (error instanceof IcpError && !(error instanceof UsageError)) throw new UsageError(error.message, error.hint === undefined ? {} : { hint: error.hint });
    throw error;
  }
}

/**
 * `icp diff old.yaml new.yaml`: criteria added, removed, values or ranges changed, points changed, tier
 * thresholds. Exits as `diff` does: 0 when the files are the same ICP, 1 when they differ, 2 on error.
 */
export async function run({ args, options: o }: CommandInput<typeof DIFF_OPTIONS>, ctx: CommandContext): Promise<number> {
  const [oldPath, newPath] = args as [string, string];
  const hint = 'give two ICP files, e.g. icp.yaml and reviews/icp-proposed-2026Q3.yaml';
  const diff = diffIcp(await side(oldPath, ctx, hint), await side(newPath, ctx, hint));
  const { format } = o;
  if (format === 'json') ctx.stdout.write(JSON.stringify({ old: oldPath, new: newPath, ...diff }, null, 2) + '\n');
  else ctx.stdout.write(renderDiff(diff, { old: oldPath, new: newPath }, { color: ctx.color, markdown: format === 'md' }));
  return differs(diff) ? 1 : 0;
}

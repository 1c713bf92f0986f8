import { diffIcp } from '../../core/diff/diff-icp.js';
import { renderDiff } from '../../render/diff.js';
import type { CommandContext } from '../context.js';
import { loadIcp } from '../load-icp.js';
import type { CommandInput } from '../registry.js';

/** `icp diff old.yaml new.yaml`: criteria added, removed, values or ranges changed, points changed. */
export async function run({ args, options: o }: CommandInput, ctx: CommandContext): Promise<number> {
  const [oldPath, newPath] = args as [string, string];
  const hint = 'give two ICP files, e.g. icp.yaml and reviews/icp-proposed-2026Q3.yaml';
  const diff = diffIcp(await loadIcp(oldPath, ctx, hint), await loadIcp(newPath, ctx, hint));
  const format = (o.format as string | undefined) ?? 'table';
  if (format === 'json') ctx.stdout.write(JSON.stringify({ old: oldPath, new: newPath, ...diff }, null, 2) + '\n');
  else ctx.stdout.write(renderDiff(diff, { old: oldPath, new: newPath }, { color: ctx.color, markdown: format === 'md' }));
  return 0;
}

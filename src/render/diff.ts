import type { IcpDiff } from '../core/diff/diff-icp.js';
import { paint } from './messages.js';
import { renderTable } from './table.js';
import { markdownTable } from './markdown.js';

function rows(diff: IcpDiff): string[][] {
  return diff.changes.map((c) => [
    c.kind.replace('_', ' '),
    c.direction,
    c.old?.label ?? '',
    c.new?.label ?? '',
    c.old && c.new && c.old.points !== c.new.points ? `${c.old.points} -> ${c.new.points}` : String((c.new ?? c.old)?.points ?? ''),
    c.within_noise ? 'within noise' : 'change',
  ]);
}

const HEAD = ['change', 'side', 'old', 'new', 'points', 'verdict'];

/** The differences between two ICPs for a terminal (or Markdown): what moved and whether it is only noise. */
export function renderDiff(diff: IcpDiff, names: { old: string; new: string }, options: { color: boolean; markdown?: boolean }): string {
  const c = paint(options.color && !options.markdown);
  const lines: string[] = [];
  const title = `${names.old} -> ${names.new}`;
  lines.push(options.markdown ? `## ICP changes: ${title}\n` : c.bold(`ICP changes: ${title}`));
  if (diff.changes.length === 0) lines.push('No criterion changed.');
  else lines.push(options.markdown ? markdownTable(HEAD, rows(diff)) : renderTable(HEAD, rows(diff), options.color));
  if (diff.unchanged.length > 0) lines.push(`Unchanged: ${diff.unchanged.join('; ')}`);
  lines.push(diff.tiers_changed ? `Tier thresholds changed: ${diff.tiers.old} -> ${diff.tiers.new}.` : `Tier thresholds (unchanged): ${diff.tiers.old}.`);
  if (diff.status_changed) lines.push('Status changed.');
  lines.push(`Tolerance: ${diff.noise_rule}.`);
  return lines.join(options.markdown ? '\n\n' : '\n') + '\n';
}

import type { CriterionChange, IcpDiff } from '../core/diff/diff-icp.js';
import type { Criterion } from '../core/icp/schema.js';
import { paint } from './messages.js';
import { renderTable } from './table.js';
import { markdownTable } from './markdown.js';

/** What a criterion's match says, as the scorer reads it: `Industry in [Software, Retail]`, `Employees range {min: 50, max: 400}`. */
function matchText(c: Criterion): string {
  const m = c.match;
  if ('in' in m) return `${c.column} in [${m.in.join(', ')}]`;
  if ('contains_any' in m) return `${c.column} contains any of [${m.contains_any.join(', ')}]`;
  if ('range' in m) {
    const bounds = [m.range.min === undefined ? '' : `min: ${m.range.min}`, m.range.max === undefined ? '' : `max: ${m.range.max}`].filter(Boolean);
    return `${c.column} range {${bounds.join(', ')}}`;
  }
  return `${c.column} equals ${m.equals ? 'yes' : 'no'}`;
}

/**
 * A side of a change: its label, unless the match changed and both labels read alike (a hand edit of the
 * values leaves the label as it was); then what each side matches, so that the change shows.
 */
function side(c: CriterionChange, criterion: Criterion | undefined): string {
  if (!criterion) return '';
  const matchChanged = c.kind === 'values_changed' || c.kind === 'range_changed' || c.kind === 'equals_changed';
  return matchChanged && c.old?.label === c.new?.label ? matchText(criterion) : criterion.label;
}

function rows(diff: IcpDiff): string[][] {
  return diff.changes.map((c) => [
    c.kind.replace('_', ' '),
    c.direction,
    side(c, c.old),
    side(c, c.new),
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

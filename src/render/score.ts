import type { CompiledIcp } from '../core/score/compile.js';
import type { ScoreTally } from '../core/score/tally.js';
import { formatNumber, formatPercent, truncate } from './format.js';
import { renderTable } from './table.js';

/** The end-of-run lines on stderr: rows scored, rows per tier, and how often each criterion was unknown. */
export function renderScoreSummary(tally: ScoreTally, compiled: CompiledIcp, extra: { dropped?: string } = {}): string {
  const tiers = (['A', 'B', 'C', 'D', 'disqualified'] as const)
    .filter((t) => t !== 'disqualified' || tally.tiers[t] > 0)
    .map((t) => `${t} ${formatNumber(tally.tiers[t], 0)}`)
    .join(', ');
  const lines = [`scored ${formatNumber(tally.rows, 0)} rows: ${tiers}`];
  if (extra.dropped) lines.push(extra.dropped);
  const unknown = compiled.criteria
    .map((c, i) => `${c.criterion.column} ${tally.rows > 0 ? formatPercent((tally.unknown[i] ?? 0) / tally.rows) : '-'}`)
    .join(', ');
  if (compiled.criteria.length > 0) lines.push(`unknown: ${unknown}`);
  return lines.join('\n') + '\n';
}

/** A readable view for a terminal: a name-like column plus the score columns. */
export function renderScoreTable(header: readonly string[], rows: readonly (readonly string[])[], nameColumn: number | undefined, color: boolean): string {
  const scoreStart = header.indexOf('icp_score');
  const head = [nameColumn === undefined ? '#' : (header[nameColumn] as string), ...header.slice(scoreStart)];
  const body = rows.map((row, i) => [
    nameColumn === undefined ? String(i + 1) : truncate(row[nameColumn] ?? '', 32),
    ...row.slice(scoreStart).map((cell) => truncate(cell, 60)),
  ]);
  return renderTable(head, body, color) + '\n';
}

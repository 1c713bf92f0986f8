import { tiersOf, type TierLabel } from '../core/icp/tiers.js';
import type { CompiledIcp } from '../core/score/compile.js';
import type { ScoreTally } from '../core/score/tally.js';
import { formatNumber, formatPercent, truncate } from './format.js';
import { renderTable } from './table.js';

/** The end-of-run lines on stderr: rows scored, rows per tier, and how often each criterion was unknown. */
export function renderScoreSummary(tally: ScoreTally, compiled: CompiledIcp, extra: { dropped?: string } = {}): string {
  // The tiers the ICP file has (a file may stop at A or B), then disqualified when a row was.
  const labels: TierLabel[] = [...tiersOf(compiled.doc.tiers), ...(tally.tiers.disqualified > 0 ? (['disqualified'] as const) : [])];
  const tiers = labels.map((t) => `${t} ${formatNumber(tally.tiers[t], 0)}`).join(', ');
  const lines = [`scored ${formatNumber(tally.rows, 0)} rows: ${tiers}`];
  if (extra.dropped) lines.push(extra.dropped);
  // Each column once, even when several criteria read it: the most rows any of its criteria could not judge.
  const byColumn = new Map<string, number>();
  compiled.criteria.forEach((c, i) => {
    byColumn.set(c.criterion.column, Math.max(byColumn.get(c.criterion.column) ?? 0, tally.unknown[i] ?? 0));
  });
  const unknown = [...byColumn].map(([column, count]) => `${column} ${tally.rows > 0 ? formatPercent(count / tally.rows) : '-'}`).join(', ');
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

import type { InspectColumn, InspectReport } from '../core/columns/inspect-report.js';
import { formatNumber, formatPercent, truncate } from './format.js';
import { paint } from './messages.js';
import { renderTable } from './table.js';

function valuesCell(c: InspectColumn): string {
  if (c.top.length > 0) return truncate(c.top.map((t) => `${t.value} (${t.count})`).join(', '), 48);
  if (c.min !== null && c.max !== null) {
    // Years read as years (1955 - 2022), not as quantities (1,955 - 2,022).
    const years = [c.min, c.max].every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 1000 && v <= 2999);
    const show = (v: number | string) => (typeof v === 'number' && !years ? formatNumber(v) : String(v));
    return c.min === c.max ? show(c.min) : `${show(c.min)} – ${show(c.max)}`;
  }
  return '';
}

function typeCell(c: InspectColumn): string {
  return c.format ? `${c.type}, ${c.format}` : c.type;
}

/** Columns the table lists before it only counts the rest: a wide HubSpot export (~300) fits. */
export const INSPECT_TABLE_COLUMNS = 300;

/**
 * The columns the table shows, in file order: the first INSPECT_TABLE_COLUMNS, then any later one with a
 * role, so that every guess stays visible (roles are few) however wide the file is. Linear in the columns.
 */
export function shownColumns(columns: readonly InspectColumn[]): InspectColumn[] {
  const shown = columns.slice(0, INSPECT_TABLE_COLUMNS);
  for (let i = INSPECT_TABLE_COLUMNS; i < columns.length; i++) {
    const col = columns[i] as InspectColumn;
    if (col.role !== null) shown.push(col);
  }
  return shown;
}

/** The inspect report as a column table followed by the ICP categories the file can and cannot inform. */
export function renderInspect(report: InspectReport, color: boolean): string {
  const c = paint(color);
  const delimiter = report.delimiter === '\t' ? 'tab' : `"${report.delimiter}"`;
  const lines = [
    `${c.bold(report.file)}: ${formatNumber(report.rows, 0)} ${report.rows === 1 ? 'row' : 'rows'}, ${formatNumber(report.columns.length, 0)} ${report.columns.length === 1 ? 'column' : 'columns'}, delimiter ${delimiter}, ${report.encoding}`,
  ];
  const shown = shownColumns(report.columns);
  const rows = shown.map((col) => [
    truncate(col.header, 32),
    col.role ?? '',
    col.role_source ?? '',
    typeCell(col),
    formatPercent(col.filled_pct / 100),
    `${formatNumber(col.distinct, 0)}${col.distinct_capped ? '+' : ''}`,
    valuesCell(col),
    truncate(col.examples.join(' | '), 40),
  ]);
  lines.push(renderTable(['column', 'role', 'role by', 'type', 'filled', 'distinct', 'top values / range', 'examples'], rows, color));
  const hidden = report.columns.length - shown.length;
  if (hidden > 0) lines.push(`… and ${formatNumber(hidden, 0)} more ${hidden === 1 ? 'column' : 'columns'}; use --format json to see them all`);
  const informed = report.categories.informed;
  lines.push('', c.bold('ICP categories this file can inform:'));
  if (informed.length === 0) lines.push('  none');
  for (const { category, columns } of informed) lines.push(`  ${category.padEnd(14)} ${columns.join(', ')}`);
  if (report.categories.missing.length > 0) {
    lines.push('', c.bold('Missing; ask customers in interviews:'));
    for (const { category, questions } of report.categories.missing) {
      lines.push(`  ${category}`);
      for (const q of questions) lines.push(`    - ${q}`);
    }
  }
  return lines.join('\n') + '\n';
}

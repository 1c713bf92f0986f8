import type { DeriveResult } from '../core/derive/derive.js';
import { summarySentence } from '../core/derive/summary.js';
import type { Criterion, Tiers } from '../core/icp/schema.js';
import { personasBlock } from './personas.js';
import { thresholds } from '../core/icp/tiers.js';
import { formatIsoDate } from '../core/columns/parse/index.js';
import { median } from '../core/stats/index.js';
import { formatNumber, formatPercent, truncate } from './format.js';
import { markdownTable } from './markdown.js';
import { paint } from './messages.js';
import { renderTable } from './table.js';
import { singular } from '../core/derive/record-unit.js';

/** The note of chooseTiers when the scores allow fewer than three tiers: `Only 2 tiers, A and B: ...`. */
const TIER_NOTE = /^Only \d tiers?, /;

/** `A >= 75, B >= 50, C >= 25, D below`, naming only the tiers the file has. */
function tiersLine(tiers: Tiers): string {
  return [...thresholds(tiers).map(([tier, min]) => `${tier} >= ${min}`), 'D below'].join(', ');
}

function fmtQ(q: number): string {
  return q < 0.001 ? '<0.001' : q.toFixed(3);
}

function criteriaRows(criteria: readonly Criterion[]): string[][] {
  return criteria.map((c) => [
    truncate(c.label, 60),
    c.points > 0 ? `+${c.points}` : String(c.points),
    c.evidence ? `${formatPercent(c.evidence.cohort_share)} (${c.evidence.cohort_count})` : '',
    c.evidence ? `${formatPercent(c.evidence.rest_share)} (${c.evidence.rest_count})` : '',
    c.evidence ? (c.evidence.lift === null ? '∞' : c.evidence.lift.toFixed(2)) : '',
    c.evidence ? fmtQ(c.evidence.q_value) : '',
    c.evidence?.stability === undefined ? '' : formatPercent(c.evidence.stability),
  ]);
}

/** The ten most valuable customers, most valuable first, with what their deals add up to. */
function topCustomerRows(r: DeriveResult): string[][] {
  const nameCol = r.columns.find((c) => c.role === 'name' || c.role === 'account_name');
  return r.order.slice(0, 10).map((i, rank) => {
    const c = r.customers[i]!;
    const stats = r.dealStats?.get(c.key);
    const value = r.measure.kind === 'value' ? formatNumber(r.measure.values[i] ?? 0) : r.measure.positive[i] ? 'yes' : 'no';
    const named = nameCol ? (c.cells[nameCol.index] ?? '').trim() : '';
    const row = [String(rank + 1), named ? truncate(named, 32) : recordName(r, i), value];
    if (stats) {
      const closed = stats.won + stats.lost;
      const cycle = median(stats.cycleDays);
      row.push(
        String(stats.won),
        String(stats.lost),
        closed > 0 ? formatPercent(stats.won / closed) : '',
        cycle === null ? '' : String(Math.round(cycle)),
        stats.firstWon === null ? '' : formatIsoDate(stats.firstWon),
        stats.lastWon === null ? '' : formatIsoDate(stats.lastWon),
      );
    }
    return row;
  });
}

/** What names a record in a table: its id column's cell, else the line of the file it starts on. */
function recordName(r: DeriveResult, i: number): string {
  const c = r.customers[i]!;
  const cell = r.idColumn === undefined ? '' : (c.cells[r.idColumn] ?? '').trim();
  return truncate(cell || `line ${c.line}`, 32);
}

/** Outcome mode: how many records are positive, and the first ten of them by their id column. */
function positiveSection(r: DeriveResult, table: (head: string[], rows: string[][]) => string): { title: string; body: string } {
  const unit = r.unit;
  const positive = r.order.filter((i) => r.cohort[i]);
  const idHeader = r.idColumn === undefined ? 'line' : (r.columns[r.idColumn]?.header ?? 'id');
  const nameCol = r.columns.find((c) => (c.role === 'name' || c.role === 'account_name') && c.index !== r.idColumn);
  const head = ['#', idHeader, ...(nameCol ? [nameCol.header] : [])];
  const rows = positive
    .slice(0, 10)
    .map((i, rank) => [String(rank + 1), recordName(r, i), ...(nameCol ? [truncate(r.customers[i]?.cells[nameCol.index] ?? '', 32)] : [])]);
  const count = `${positive.length} of ${r.customers.length} ${unit} where ${r.measure.label}${positive.length > 10 ? '; the first 10:' : ':'}`;
  const title = `${unit[0]?.toUpperCase()}${unit.slice(1)} where ${r.measure.label}`;
  return { title, body: positive.length === 0 ? count.replace(/:$/, '.') : `${count}\n${table(head, rows)}` };
}

/** The lines a person reads after `icp derive`: what was joined, the verdict, the criteria and the top customers. */
export function deriveSections(r: DeriveResult, color: boolean, markdown = false): { title: string; body: string }[] {
  const c = paint(color && !markdown);
  const doc = r.doc;
  const sections: { title: string; body: string }[] = [];
  sections.push({ title: 'Verdict', body: c.bold(summarySentence(doc)) });
  const table = (head: string[], rows: string[][]) => (markdown ? markdownTable(head, rows) : renderTable(head, rows, color));
  if (doc.criteria.length > 0) {
    sections.push({ title: 'Criteria', body: table(['criterion', 'points', 'cohort', 'rest', 'lift', 'q', 'stability'], criteriaRows(doc.criteria)) });
    const note = doc.notes?.find((n) => TIER_NOTE.test(n));
    sections.push({ title: 'Tiers', body: `${tiersLine(doc.tiers)}${note ? `\n${note}` : ''}` });
  }
  const validation = doc.notes?.find((n) => n.startsWith('Validation: '));
  const checked = validation ?? (doc.validation?.skipped ? `Validation: not run (${doc.validation.skipped}).` : undefined);
  if (checked) sections.push({ title: 'Out of sample', body: checked.slice('Validation: '.length) });
  const personas = personasBlock(doc.personas, table, markdown);
  if (personas) sections.push(personas);
  const shown = [
    'Each row',
    'Tested',
    'Left out',
    'Inconclusive',
    'Fragile',
    'Low stability',
    'Data quality',
    'Not a customer attribute',
    'Not mined',
    'Kept although',
  ];
  const left = doc.notes?.filter((n) => shown.some((p) => n.startsWith(p))) ?? [];
  if (left.length > 0) sections.push({ title: 'Notes', body: left.map((n) => `- ${n}`).join('\n') });
  if (r.measure.kind === 'outcome' && r.measure.column !== null) {
    sections.push(positiveSection(r, table));
    return sections;
  }
  const head = ['#', singular(r.unit), r.measure.label];
  if (r.dealStats) head.push('won', 'lost', 'win rate', 'median cycle days', 'first won', 'last won');
  sections.push({ title: `Most profitable ${r.unit}`, body: table(head, topCustomerRows(r)) });
  return sections;
}

/** Terminal rendering. */
export function renderDerive(r: DeriveResult, color: boolean): string {
  const c = paint(color);
  return deriveSections(r, color)
    .map((s) => `${c.bold.underline(s.title)}\n${s.body}\n`)
    .join('\n');
}

/** Markdown rendering, to paste into a wiki or a ticket. */
export function renderDeriveMarkdown(r: DeriveResult): string {
  const title = `# ${r.doc.name}\n\n_${r.doc.cohort.rule}; ${r.doc.cohort.size} of ${r.doc.cohort.total} ${r.unit}; generated ${r.doc.generated_at}_\n`;
  return [title, ...deriveSections(r, false, true).map((s) => `## ${s.title}\n\n${s.body}\n`)].join('\n');
}

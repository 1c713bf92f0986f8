import type { DeriveResult } from '../core/derive/derive.js';
import { summarySentence } from '../core/derive/summary.js';
import type { Criterion, Tiers } from '../core/icp/schema.js';
import { thresholds } from '../core/icp/tiers.js';
import { formatIsoDate } from '../core/columns/parse/index.js';
import { median } from '../core/stats/index.js';
import { formatNumber, formatPercent, truncate } from './format.js';
import { markdownTable } from './markdown.js';
import { paint } from './messages.js';
import { renderTable } from './table.js';

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
    const row = [String(rank + 1), truncate(nameCol ? (c.cells[nameCol.index] ?? c.label) : c.label, 32), value];
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
  const shown = ['Tested', 'Left out', 'Inconclusive', 'Fragile', 'Low stability', 'Data quality', 'Not a customer attribute', 'Not mined', 'Kept although'];
  const left = doc.notes?.filter((n) => shown.some((p) => n.startsWith(p))) ?? [];
  if (left.length > 0) sections.push({ title: 'Notes', body: left.map((n) => `- ${n}`).join('\n') });
  const head = ['#', 'customer', r.measure.kind === 'value' ? r.measure.label : r.measure.label];
  if (r.dealStats) head.push('won', 'lost', 'win rate', 'median cycle days', 'first won', 'last won');
  sections.push({ title: 'Most profitable customers', body: table(head, topCustomerRows(r)) });
  return sections;
}

/** Terminal rendering. */
export function renderDerive(r: DeriveResult, color: boolean): string {
  const c = paint(color);
  return deriveSections(r, color).map((s) => `${c.bold.underline(s.title)}\n${s.body}\n`).join('\n');
}

/** Markdown rendering, to paste into a wiki or a ticket. */
export function renderDeriveMarkdown(r: DeriveResult): string {
  const title = `# ${r.doc.name}\n\n_${r.doc.cohort.rule}; ${r.doc.cohort.size} of ${r.doc.cohort.total} customers; generated ${r.doc.generated_at}_\n`;
  return [title, ...deriveSections(r, false, true).map((s) => `## ${s.title}\n\n${s.body}\n`)].join('\n');
}

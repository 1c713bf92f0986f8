import type { Backtest, Review } from '../core/review/review.js';
import { renderDiff } from './diff.js';
import { formatPercent } from './format.js';
import { markdownTable } from './markdown.js';
import { paint } from './messages.js';
import { renderTable } from './table.js';

const rate = (r: number | null, ci: [number, number] | null) =>
  r === null ? 'n/a' : `${formatPercent(r)}${ci ? ` (${formatPercent(ci[0])}-${formatPercent(ci[1])})` : ''}`;
const num = (x: number | null, digits = 2) => (x === null ? 'n/a' : x.toFixed(digits));
const p = (x: number | null) => (x === null ? 'n/a' : x < 0.001 ? '<0.001' : x.toFixed(3));

function backtestRows(b: Review['backtest']): string[][] {
  const row = (name: string, t: Backtest) => [
    name, `${t.since} - ${t.until}`, String(t.closed_deals), rate(t.icp_win_rate, t.icp_win_rate_ci), rate(t.non_icp_win_rate, t.non_icp_win_rate_ci),
    num(t.win_rate_lift), p(t.win_rate_p_value), num(t.auc),
  ];
  // Before the period is usually what the ICP was derived on: a track record, not an out-of-sample test.
  return [row('review period', b.period), ...(b.before ? [row('before it (in-sample)', b.before)] : [])];
}

const BACKTEST_HEAD = ['deals closed', 'dates', 'closed deals', 'ICP win rate (95% CI)', 'non-ICP win rate', 'lift', 'p', 'AUC'];
const STABILITY_HEAD = ['criterion', 'PSI', 'before', 'during'];

function stabilityRows(r: Review): string[][] {
  return r.stability.map((s) => [s.label, s.psi.toFixed(3), s.before.join('/'), s.during.join('/')]);
}

/** The review for a terminal or a log (no colour without a TTY); the same sections as the Markdown file. */
export function renderReview(r: Review, color: boolean, files: string[] = []): string {
  const c = paint(color);
  const lines = [
    c.bold(`ICP review ${r.quarter} (${r.period.since} to ${r.period.until}): ${r.drift.found ? 'DRIFT' : 'no drift'}`),
    ...r.drift.reasons.map((reason) => `- ${reason}`),
    '',
    c.bold('Backtest of the saved ICP'),
    renderTable(BACKTEST_HEAD, backtestRows(r.backtest), color),
    '',
    renderDiff(r.diff, { old: 'saved', new: `proposed (window ${r.window.since} to ${r.window.until})` }, { color }).trimEnd(),
    '',
    c.bold('Stability of each criterion\'s attribute (PSI; bins before/during)'),
    r.stability.length > 0 ? renderTable(STABILITY_HEAD, stabilityRows(r), color) : 'No criterion to check.',
  ];
  if (files.length > 0) lines.push('', `wrote ${files.join(', ')}`);
  return lines.join('\n') + '\n';
}

/** The dated review record, as Markdown to read and share. */
export function renderReviewMarkdown(r: Review, generatedAt: string, proposedFile: string): string {
  const sections = [
    `# ICP review ${r.quarter}`,
    `_Period ${r.period.since} to ${r.period.until}; proposal derived on deals closed ${r.window.since} to ${r.window.until} (${r.window.quarters} quarters); generated ${generatedAt}._`,
    `## Verdict: ${r.drift.found ? 'drift' : 'no drift'}`,
    r.drift.reasons.length > 0 ? r.drift.reasons.map((x) => `- ${x}`).join('\n') : 'The saved ICP still separates winners from the rest, and the proposal matches it.',
    '## Backtest of the saved ICP',
    markdownTable(BACKTEST_HEAD, backtestRows(r.backtest)),
    `Recorded when derived (${r.recorded.generated_at}): cohort ${r.recorded.cohort.rule}, ${r.recorded.cohort.size} of ${r.recorded.cohort.total} customers.`,
    markdownTable(['criterion', 'lift when derived', 'q when derived'], r.recorded.criteria.map((c) => [c.label, num(c.lift), p(c.q_value)])),
    renderDiff(r.diff, { old: 'saved', new: 'proposed' }, { color: false, markdown: true }).trimEnd(),
    '## Stability',
    r.stability.length > 0 ? markdownTable(STABILITY_HEAD, stabilityRows(r)) : 'No criterion to check.',
    '## Rules',
    r.rules.map((x) => `- ${x}`).join('\n'),
    '## To accept the proposal',
    `Read the changes above, then: \`mv ${proposedFile} icp.yaml\` (keep the old file in version control to compare later with \`icp diff\`).`,
  ];
  return sections.join('\n\n') + '\n';
}

import type { Backtest, Review } from '../core/review/review.js';
import { measureSentence } from '../core/report/measure-verdict.js';
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
    name,
    `${t.since} - ${t.until}`,
    String(t.closed_deals),
    rate(t.icp_win_rate, t.icp_win_rate_ci),
    rate(t.non_icp_win_rate, t.non_icp_win_rate_ci),
    num(t.win_rate_lift),
    p(t.win_rate_p_value),
    num(t.auc),
  ];
  // Before the period is usually what the ICP was derived on: a track record, not an out-of-sample test.
  return [row('review period', b.period), ...(b.before ? [row('before it (in-sample)', b.before)] : [])];
}

const BACKTEST_HEAD = ['deals closed', 'dates', 'closed deals', 'ICP win rate (95% CI)', 'non-ICP win rate', 'lift', 'p', 'AUC'];
const criteriaHead = (r: Review) => ['criterion', 'when derived', `in ${r.quarter}`, 'p fell (Holm)', 'verdict'];

function criteriaRows(r: Review): string[][] {
  return r.criteria_drift.map((c) => [
    c.label,
    num(c.odds_ratio_before),
    num(c.odds_ratio_period),
    p(c.p_holm),
    c.judgeable ? (c.fell ? 'stopped working' : 'still works') : `not tested: ${c.not_judgeable ?? ''}`,
  ]);
}

/** The saved ICP on its own measure in the period, as `icp report` words it; in-sample periods say so. */
function measureLines(r: Review): string[] {
  const m = r.backtest.period.measure;
  const lines = m ? [`On its measure in ${r.quarter}: ${measureSentence(m, r.alpha)}`] : [];
  if (r.in_sample) lines.unshift(`In-sample: the deals of ${r.quarter} were among those the ICP was derived from; expect the real lift to be lower.`);
  return lines;
}

/** The verdict's word and the lines under it: what decided drift, or why nothing could be judged, then notes. */
function verdict(r: Review): { word: string; lines: string[] } {
  const word = r.status === 'drift' ? 'DRIFT' : r.status;
  return { word, lines: [...r.drift.reasons, ...r.drift.why_not_judgeable, ...r.drift.notes, ...measureLines(r)] };
}

const criteriaTitle = (r: Review) =>
  `Did each saved criterion still work? (win odds ratio, matching vs not, on the deals it was derived on, ${r.baseline.since} to ${r.baseline.until}, and in ${r.quarter})`;
const STABILITY_HEAD = ['criterion', 'PSI', 'before', 'during'];

function stabilityRows(r: Review): string[][] {
  return r.stability.map((s) => [s.label, s.psi.toFixed(3), s.before.join('/'), s.during.join('/')]);
}

/** The review for a terminal or a log (no colour without a TTY); the same sections as the Markdown file. */
export function renderReview(r: Review, color: boolean, files: string[] = []): string {
  const c = paint(color);
  const v = verdict(r);
  const lines = [
    c.bold(`ICP review ${r.quarter} (${r.period.since} to ${r.period.until}): ${v.word}`),
    ...v.lines.map((line) => `- ${line}`),
    '',
    c.bold(criteriaTitle(r)),
    r.criteria_drift.length > 0 ? renderTable(criteriaHead(r), criteriaRows(r), color) : 'No criterion to check.',
    '',
    c.bold('Backtest of the saved ICP (a track record: it does not decide drift)'),
    renderTable(BACKTEST_HEAD, backtestRows(r.backtest), color),
    '',
    renderDiff(r.diff, { old: 'saved', new: `proposed (window ${r.window.since} to ${r.window.until})` }, { color }).trimEnd(),
    '',
    c.bold("Stability of each criterion's attribute (PSI; bins before/during)"),
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
    `## Verdict: ${r.status}`,
    verdictText(r),
    `## ${criteriaTitle(r)}`,
    r.criteria_drift.length > 0 ? markdownTable(criteriaHead(r), criteriaRows(r)) : 'No criterion to check.',
    '## Backtest of the saved ICP',
    'A track record: shown, it does not decide drift.',
    markdownTable(BACKTEST_HEAD, backtestRows(r.backtest)),
    `Recorded when derived (${r.recorded.generated_at}): cohort ${r.recorded.cohort.rule}, ${r.recorded.cohort.size} of ${r.recorded.cohort.total} customers.`,
    markdownTable(
      ['criterion', 'lift when derived', 'q when derived'],
      r.recorded.criteria.map((c) => [c.label, num(c.lift), p(c.q_value)]),
    ),
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

function verdictText(r: Review): string {
  const lines = verdict(r).lines.map((x) => `- ${x}`);
  if (r.status === 'no drift') lines.unshift('Every saved criterion that could be tested still works as it did when the ICP was derived.');
  if (r.status === 'not enough data to judge') lines.unshift('Not drift: the period does not have the deals to tell whether a criterion stopped working.');
  return lines.join('\n');
}

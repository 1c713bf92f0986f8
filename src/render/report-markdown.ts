import type { Report } from '../core/report/report-types.js';
import { reportSections } from './report.js';
import { plural } from '../core/plural.js';

/** What the report covers, in one line under the title: files, window and which tiers are ICP. */
function subtitle(r: Report): string {
  const files = r.inputs.map((i) => `${i.role} ${i.name} (${i.rows} rows)`).join(', ');
  const window = r.window.since || r.window.until ? `; deals closed ${r.window.since ?? 'any time'} to ${r.window.until ?? 'now'}` : '';
  return `_${r.icp.name} (${plural(r.icp.criteria, 'criterion', 'criteria')}, ${r.icp.status}); ICP = ${r.icp.icp_tiers.length === 1 ? 'tier' : 'tiers'} ${r.icp.icp_tiers.join(', ')}; ${files}${window}_`;
}

/** The report as a Markdown document to share: the same sections as the terminal, plus the formulas. */
export function renderReportMarkdown(r: Report): string {
  const formulas = Object.entries(r.formulas)
    .map(([name, text]) => `- \`${name}\`: ${text}`)
    .join('\n');
  const sections = [...reportSections(r, false, true), { title: 'Formulas', body: formulas }];
  return [`# ICP report\n\n${subtitle(r)}\n`, ...sections.map((s) => `## ${s.title}\n\n${s.body}\n`)].join('\n');
}

import { categoryCoverage, ICP_CATEGORIES, INTERVIEW_QUESTIONS } from '../columns/categories.js';
import type { ColumnInfo } from '../columns/infer.js';
import type { IcpDocument } from '../icp/schema.js';
import { percentText } from '../percent.js';
import type { Report } from '../report/report-types.js';
import type { Appendix, GapsSection } from './page-types.js';

/**
 * "Gaps to fill": with the files, the ICP categories their columns cannot inform (the list inspect prints);
 * with the ICP file alone, the categories no criterion covers. Each with the interview questions for it.
 */
export function gapsSection(doc: IcpDocument, columns: readonly ColumnInfo[] | undefined): GapsSection {
  const missing = columns ? categoryCoverage(columns).missing : ICP_CATEGORIES.filter((c) => !doc.criteria.some((k) => k.category === c));
  return { basis: columns ? 'files' : 'criteria', categories: missing.map((category) => ({ category, questions: [...INTERVIEW_QUESTIONS[category]] })) };
}

/** The note of the ICP file that starts with `prefix` ("Tested:", "Points:"), without it. */
function note(doc: IcpDocument, prefix: string): string | undefined {
  const text = doc.notes
    ?.find((n) => n.startsWith(prefix))
    ?.slice(prefix.length)
    .trim();
  return text && `${text[0]?.toUpperCase()}${text.slice(1)}`;
}

function tiersText(doc: IcpDocument): string {
  const t = doc.tiers;
  const parts = [`A at ${t.A} points or more`, t.B === undefined ? null : `B at ${t.B}`, t.C === undefined ? null : `C at ${t.C}`].filter((p) => p !== null);
  return `${parts.join(', ')}; below the lowest, D. ${note(doc, 'Tiers:') ?? ''}`.trim();
}

/** "How each number was computed": the rules behind the page, and every file with its rows and sha256. */
export function appendix(doc: IcpDocument, report: Report | undefined): Appendix {
  const { cohort } = doc;
  const unit = cohort.unit ?? 'customers';
  const share = cohort.share_of_value === null ? '' : `, holding ${percentText(cohort.share_of_value)} of ${cohort.measure}`;
  const items: { term: string; text: string | undefined }[] = [
    { term: 'Cohort', text: `${cohort.rule}: ${cohort.size} of ${cohort.total} ${unit}${share}. The rest are the other ${cohort.total - cohort.size}.` },
    { term: 'Tests', text: note(doc, 'Tested:') },
    { term: 'Criteria', text: note(doc, 'Criteria:') },
    { term: 'Points', text: note(doc, 'Points:') },
    { term: 'Tiers', text: tiersText(doc) },
    { term: 'Validation', text: doc.validation ? (note(doc, 'Validation:') ?? doc.validation.method) : 'none saved with the ICP' },
    { term: 'Intervals', text: 'shares of the best customers and of the rest with Wilson 95% intervals, n = count / share as the ICP file records them' },
  ];
  if (report) {
    const f = report.formulas;
    items.push({
      term: 'Outcomes',
      text: `computed by icp report on the files below: win rate = ${f.win_rate}; CLV = ${f.clv}; cycle = ${f.median_cycle_days}.`,
    });
  }
  const sources: Appendix['sources'] = doc.source.map((s) => ({ name: s.name, role: s.role ?? 'customers', rows: s.rows, sha256: s.sha256, used_for: 'icp' }));
  for (const i of report?.inputs ?? []) {
    // The same bytes that derived the ICP: one row, used for both.
    const same = sources.find((s) => s.used_for === 'icp' && s.sha256 === i.sha256);
    if (same) same.used_for = 'both';
    else sources.push({ name: i.name, role: i.role, rows: i.rows, sha256: i.sha256, used_for: 'page' });
  }
  return { items: items.filter((i): i is { term: string; text: string } => i.text !== undefined && i.text !== ''), sources };
}

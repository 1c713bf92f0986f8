import type { ColumnInfo } from '../columns/infer.js';
import type { IcpDocument } from '../icp/schema.js';
import type { Report } from '../report/report-types.js';
import { whoSection } from './criterion-cards.js';
import { appendix, gapsSection } from './gaps-appendix.js';
import { headline } from './headline.js';
import { channelsSection, comparisonSection, valueSection } from './outcome-sections.js';
import type { ProfilePage } from './page-types.js';
import { personasPage } from './personas-page.js';

export interface PageInput {
  doc: IcpDocument;
  /** The ICP file's name as given, for the page to cite. */
  icpFile: string;
  title?: string | undefined;
  /** When the page is made (ISO): passed in, so that core stays free of the clock. */
  generatedAt: string;
  /** The report on the files given (buildReport, as icp report makes it); none with the ICP file alone. */
  report?: Report | undefined;
  /** The columns of the files given, typed, for the categories they cannot inform. */
  columns?: readonly ColumnInfo[] | undefined;
}

/** The one-page ICP document as data: every section, with the numbers of the ICP file and the report. */
export function buildProfilePage(input: PageInput): ProfilePage {
  const { doc, report } = input;
  return {
    title: input.title ?? doc.name,
    generated_at: input.generatedAt,
    icp: { name: doc.name, status: doc.status, generated_at: doc.generated_at, unit: doc.cohort.unit ?? 'customers', file: input.icpFile },
    headline: headline(doc, report),
    who: whoSection(doc),
    value: valueSection(doc, report),
    comparison: comparisonSection(report),
    channels: channelsSection(report),
    personas: personasPage(doc),
    gaps: gapsSection(doc, input.columns),
    appendix: appendix(doc, report),
  };
}

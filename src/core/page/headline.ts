import { summarySentence } from '../derive/summary.js';
import type { IcpDocument } from '../icp/schema.js';
import { percentText } from '../percent.js';
import type { Report } from '../report/report-types.js';
import type { Tile } from './page-types.js';

const day = (iso: string): string => iso.slice(0, 10);

/** The data window: the ICP's recorded deal window, else the report's, else none. */
function windowTile(doc: IcpDocument, report: Report | undefined): Tile {
  const o = doc.options ?? {};
  const since = typeof o.since === 'string' ? o.since : (report?.window.since ?? null);
  const until = typeof o.until === 'string' ? o.until : (report?.window.until ?? null);
  const value = since && until ? `${day(since)} to ${day(until)}` : since ? `from ${day(since)}` : until ? `to ${day(until)}` : 'all dates';
  return { id: 'window', label: 'Data window', value, detail: since || until ? 'deals closed in it' : 'every deal in the files', number: null };
}

/** The out-of-sample check the ICP file carries: cross-validated AUC, or why there is none. */
function validationTile(doc: IcpDocument): Tile {
  const v = doc.validation;
  const label = 'Out-of-sample check';
  if (!v || v.auc === null || v.auc === undefined) {
    return { id: 'validation', label, value: 'not validated', detail: v?.skipped ?? 'derive ran with --fast, or the ICP was written by hand', number: null };
  }
  const interval = v.auc_se !== null && v.auc_se !== undefined ? ` ± ${(2 * v.auc_se).toFixed(2)}` : '';
  const detail = `${v.folds ?? '?'}-fold cross-validated; 0.5 is chance`;
  return { id: 'validation', label, value: `AUC ${v.auc.toFixed(2)}${interval}`, detail, number: v.auc };
}

/** Tier A's share of the accounts and of the measure: out of fold from the ICP file, else on the report's files. */
function tierATile(doc: IcpDocument, report: Report | undefined): Tile {
  const v = doc.validation;
  const measure = doc.cohort.measure;
  if (v?.tier_a_share_of_customers !== null && v?.tier_a_share_of_customers !== undefined) {
    const value = v.tier_a_share_of_value ?? null;
    const accounts = `${percentText(v.tier_a_share_of_customers)} of accounts`;
    const shown = value === null ? accounts : `${percentText(value)} of ${measure}`;
    return {
      id: 'tier_a',
      label: 'Tier A holds',
      value: shown,
      detail: `${value === null ? '' : `in ${accounts}, `}out of sample (cross-validated)`,
      number: value,
    };
  }
  const a = report?.measure?.gains.find((g) => g.tier === 'A');
  if (!a) return { id: 'tier_a', label: 'Tier A', value: 'not measured', detail: 'give --customers and --deals, or derive without --fast', number: null };
  const accounts = `${percentText(a.share_of_accounts)} of accounts`;
  const shown = a.share_of_measure === null ? accounts : `${percentText(a.share_of_measure)} of ${report?.measure?.label}`;
  const where = report?.in_sample ? 'in sample: these files built the ICP' : 'on the files given';
  return {
    id: 'tier_a',
    label: 'Tier A holds',
    value: shown,
    detail: `${a.share_of_measure === null ? '' : `in ${accounts}, `}${where}`,
    number: a.share_of_measure,
  };
}

/** The headline strip: the ICP in one sentence, then its figures as tiles. */
export function headline(doc: IcpDocument, report: Report | undefined): { sentence: string; tiles: Tile[] } {
  const { cohort } = doc;
  const unit = cohort.unit ?? 'customers';
  const share = cohort.share_of_value;
  const tiles: Tile[] = [
    {
      id: 'customers',
      label: `${unit[0]?.toUpperCase()}${unit.slice(1)} analysed`,
      value: cohort.total.toLocaleString('en-US'),
      detail: null,
      number: cohort.total,
    },
    {
      id: 'cohort',
      label: 'Best customers',
      value: cohort.size.toLocaleString('en-US'),
      detail: `${cohort.rule}${share === null ? '' : `; ${percentText(share)} of ${cohort.measure}`}`,
      number: cohort.size,
    },
    tierATile(doc, report),
    validationTile(doc),
    windowTile(doc, report),
    { id: 'generated', label: 'ICP derived', value: day(doc.generated_at), detail: null, number: null },
  ];
  return { sentence: summarySentence(doc), tiles };
}

import { categoryCoverage, categoryOf, INTERVIEW_QUESTIONS, type IcpCategory } from './categories.js';
import { formatIsoDate } from './parse/index.js';
import type { ColumnProfile } from './profiler.js';

export interface InspectColumn {
  header: string;
  role: string | null;
  /** Why the column has its role: "header" (an alias), "values" (e.g. country names), "--map"; null without a role. */
  role_source: 'header' | 'values' | '--map' | null;
  type: string;
  category: IcpCategory | 'other' | null;
  filled: number;
  filled_pct: number;
  invalid: number;
  distinct: number;
  distinct_capped: boolean;
  top: { value: string; count: number }[];
  /** Numbers as numbers; dates as YYYY-MM-DD. */
  min: number | string | null;
  max: number | string | null;
  examples: string[];
  format: string | null;
  notes: string[];
}

/** The machine-readable answer of `icp inspect`; field names are part of the JSON contract. */
export interface InspectReport {
  file: string;
  rows: number;
  delimiter: string;
  encoding: string;
  columns: InspectColumn[];
  categories: {
    informed: { category: IcpCategory; columns: string[] }[];
    missing: { category: IcpCategory; questions: readonly string[] }[];
  };
}

/** The date format as the cells write it: `DD-MM-YYYY HH:MM` for olist's `26-02-2018 19:58`. */
function dateFormatText(p: ColumnProfile & { dateFormat: NonNullable<ColumnProfile['dateFormat']> }): string {
  const example = p.examples[0] ?? '';
  const sep = /^\d{1,4}([./-])/.exec(example)?.[1] ?? (p.dateFormat.order === 'ymd' ? '-' : '/');
  const time = /\d[ T]\d{1,2}:\d{2}(:\d{2})?/.exec(example);
  const parts = { ymd: ['YYYY', 'MM', 'DD'], mdy: ['MM', 'DD', 'YYYY'], dmy: ['DD', 'MM', 'YYYY'] } as const;
  const order = p.dateFormat.order === 'serial' ? 'Excel serial days' : parts[p.dateFormat.order].join(sep);
  const withTime = time && p.dateFormat.order !== 'serial' ? `${order} HH:MM${time[1] ? ':SS' : ''}` : order;
  return p.dateFormat.ambiguous ? `${withTime} (ambiguous)` : withTime;
}

function formatOf(p: ColumnProfile): string | null {
  if (p.type === 'date' && p.dateFormat) return dateFormatText({ ...p, dateFormat: p.dateFormat });
  if ((p.type === 'number' || p.type === 'money') && p.decimal) return `decimal mark "${p.decimal}"`;
  if (p.type === 'multi' && p.separator) return `split on "${p.separator}"`;
  return null;
}

// Employee bands are few and named ("51-200"): their counts say more than a min and max of midpoints.
const TOP_TYPES: ReadonlySet<string> = new Set(['category', 'boolean', 'multi', 'employee_range']);

/** Builds the inspect report from column profiles. */
export function inspectReport(meta: { file: string; rows: number; delimiter: string; encoding: string }, profiles: readonly ColumnProfile[]): InspectReport {
  const bound = (p: ColumnProfile, v: number | undefined): number | string | null => (v === undefined ? null : p.type === 'date' ? formatIsoDate(v) : v);
  const columns = profiles.map((p) => ({
    header: p.header,
    role: p.role ?? null,
    role_source: p.role === undefined ? null : (p.roleSource ?? 'header'),
    type: p.type,
    category: categoryOf(p) ?? null,
    filled: p.filled,
    filled_pct: p.rows === 0 ? 0 : Math.round((p.filled / p.rows) * 1000) / 10,
    invalid: p.invalid,
    distinct: p.distinct,
    distinct_capped: p.distinctCapped,
    top: TOP_TYPES.has(p.type) ? p.top : [],
    min: bound(p, p.min),
    max: bound(p, p.max),
    examples: p.examples,
    format: formatOf(p),
    notes: p.notes,
  }));
  const coverage = categoryCoverage(profiles);
  return {
    ...meta,
    columns,
    categories: {
      informed: [...coverage.informed].map(([category, headers]) => ({ category, columns: headers })),
      missing: coverage.missing.map((category) => ({ category, questions: INTERVIEW_QUESTIONS[category] })),
    },
  };
}

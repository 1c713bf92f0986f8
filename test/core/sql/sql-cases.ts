import type { Criterion, IcpDocument } from '../../../src/core/icp/schema.js';
import { createRandom, type Random } from '../../../fixtures/generator/index.js';

export type Mark = '.' | ',';

/** The columns of a generated lead list: names with quotes, semicolons and non-ASCII, each of one kind. */
export const SQL_COLUMNS = {
  id: 'row_id',
  category: 'Industry\'s "Type"',
  count: 'Employees (#)',
  money: 'Revenue € / yr',
  tokens: 'Tech; Stack',
  flag: 'Has App?',
  founded: 'Founded',
} as const;

const CATEGORIES = [
  'Software',
  'software ',
  "O'Reilly",
  "'); DROP TABLE x; --",
  'Ångström',
  'naïve café',
  'Retail|Shop',
  'a,b',
  'Retail',
  '\u00a0Retail\u2009',
  'back\\slash',
  '%_like',
];
const MARKERS = ['', '  ', 'n/a', 'Unknown', ' - ', 'Select', 'NULL', '?', '—'];
const TOKENS = ['Slack', 'HubSpot', 'salesforce', 'Zoom', 'unknown', 'n/a', "O'Reilly", 'Ångström'];
const SEPARATORS = [';', ' | ', ', ', ';  ', ',', '|'];
const FLAGS = ['Yes', 'no', 'TRUE', 'f', 'x', '✓', 'maybe', '1', '0', 'Checked', 'N'];
const CURRENCY = ['$', '€', '£', 'USD', 'eur', 'gbp'];

const cased = (r: Random, v: string) => r.pick([v, v.toUpperCase(), v.toLowerCase(), ` ${v}\t`]);

function grouped(r: Random, n: number, mark: Mark): string {
  const digits = String(n);
  if (n < 1000 || r.chance(0.4)) return digits;
  const sep = r.pick(mark === '.' ? [',', ' ', "'"] : ['.', ' ', "'"]);
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** A number cell in a form the SQL reads (and icp score too): sign or brackets, currency, suffix, percent. */
function numberCell(r: Random, mark: Mark): string {
  const whole = grouped(r, r.pick([0, 5, 12, 51, 200, 999, 1000, 1234, 12000, 250000, 1500000, r.int(0, 3_000_000)]), mark);
  const n = r.chance(0.3) ? `${whole}${mark}${r.int(0, 99)}` : r.chance(0.05) ? `${mark}5` : whole;
  const suffix = r.chance(0.2) ? `${r.pick(['', ' '])}${r.pick(['k', 'K', 'M', 'mm', 'bn', 'B'])}` : '';
  const currency = r.chance(0.35) ? r.pick(CURRENCY) : '';
  const percent = !currency && !suffix && r.chance(0.1) ? '%' : '';
  const body = `${n}${suffix}${percent}`;
  const priced = !currency ? body : r.chance(0.5) ? `${currency}${r.pick(['', ' '])}${body}` : `${body}${suffix ? ' ' : r.pick(['', ' '])}${currency}`;
  if (r.chance(0.15)) return `(${priced})`;
  return `${r.chance(0.2) ? r.pick(['-', '+', '\u2212']) : ''}${priced}`;
}

function bandCell(r: Random): string {
  const low = r.pick([1, 11, 51, 201, 1001, 5000]);
  const high = low + r.pick([0, 9, 49, 149, 3999]);
  const fmt = (n: number) => (n >= 1000 && r.chance(0.5) ? n.toLocaleString('en-US') : String(n));
  const tail = r.chance(0.3) ? r.pick([' employees', ' Employees', ' staff']) : '';
  return r.pick([
    `${fmt(low)}-${fmt(high)}${tail}`,
    `${fmt(low)} – ${fmt(high)}`,
    `${fmt(low)} to ${fmt(high)}`,
    `${fmt(low)}+${tail}`,
    `${high}-${low}`,
    '10k+',
  ]);
}

function dateCell(r: Random, order: 'ymd' | 'dmy'): string {
  const [y, m, d] = [r.int(1985, 2025), r.int(1, 12), r.int(1, 28)];
  const p = (n: number) => String(n).padStart(2, '0');
  return order === 'ymd' ? `${y}-${p(m)}-${p(d)}${r.chance(0.3) ? ' 10:30' : ''}` : `${p(d)}/${p(m)}/${y}`;
}

function cell(r: Random, kind: keyof typeof SQL_COLUMNS, mark: Mark, order: 'ymd' | 'dmy'): string | null {
  if (r.chance(0.08)) return null;
  if (r.chance(0.08)) return r.pick(MARKERS);
  switch (kind) {
    case 'category':
      return cased(r, r.pick(CATEGORIES));
    case 'count':
      return r.chance(0.5) ? bandCell(r) : numberCell(r, mark);
    case 'money':
      return r.chance(0.1) ? r.pick(['abc', 'twelve', '12 apples']) : numberCell(r, mark);
    case 'tokens':
      return Array.from({ length: r.int(1, 3) }, () => cased(r, r.pick(TOKENS))).join(r.pick(SEPARATORS));
    case 'flag':
      return r.pick(FLAGS);
    default:
      return dateCell(r, order);
  }
}

const values = (r: Random, pool: readonly string[]) => [...new Set(Array.from({ length: r.int(1, 3) }, () => r.pick(pool).trim() || 'Software'))];

function range(r: Random, bounds: readonly number[]): { min?: number; max?: number } {
  const [a, b] = [r.pick(bounds), r.pick(bounds)].sort((x, y) => x - y) as [number, number];
  return r.pick([{ min: a, max: b }, { min: a }, { max: b }]);
}

/** A criterion of a kind on its column, or (rarely) on a column the table does not have. */
function criterion(r: Random, i: number): Criterion {
  const kind = r.pick(['category', 'count', 'money', 'tokens', 'flag', 'founded', 'absent'] as const);
  const points = r.pick([-40, -10, 0, 5, 10, 25, 40, 60]);
  const base = { attribute: 'x', category: 'other' as const, label: `c${i} ${kind}`, points, ...(points <= 0 && r.chance(0.3) && { disqualify: true }) };
  switch (kind) {
    case 'category':
      return { ...base, column: SQL_COLUMNS.category, match: { in: values(r, CATEGORIES) } };
    case 'count':
      return { ...base, column: SQL_COLUMNS.count, match: { range: range(r, [0, 10, 50, 51, 125.5, 200, 1000, 5000, 12000]) } };
    case 'money':
      return { ...base, column: SQL_COLUMNS.money, match: { range: range(r, [-5, 0, 12, 1000, 12000, 250000, 1.5e6, 1e9]) } };
    case 'tokens':
      return { ...base, column: SQL_COLUMNS.tokens, match: { contains_any: values(r, TOKENS) } };
    case 'flag':
      return { ...base, column: SQL_COLUMNS.flag, match: { equals: r.chance(0.5) } };
    case 'founded':
      return { ...base, column: SQL_COLUMNS.founded, attribute: 'founded_year', match: { range: range(r, [1990, 2000, 2010, 2015, 2020]) } };
    default:
      return { ...base, column: 'Not In The Table', match: { in: ['x'] } };
  }
}

/** A column name without quotes or backticks, for parsers that do not read their escapes. */
const plain = (name: string) => name.replace(/["'`]/g, '');

/** A generated ICP and lead list for one seed: 1-7 criteria, 40 rows of every kind of cell. */
export function leadCells(mark: Mark, seed: number, names: 'odd' | 'plain' = 'odd'): { doc: IcpDocument; header: string[]; rows: (string | null)[][] } {
  const r = createRandom(seed, 'sql-cases');
  const order = r.pick(['ymd', 'dmy'] as const);
  const criteria = Array.from({ length: r.int(1, 7) }, (_, i) => criterion(r, i));
  const doc: IcpDocument = {
    version: 1,
    name: `generated ${seed}`,
    status: 'manual',
    generated_at: '2026-12-03T00:00:00Z',
    source: [],
    cohort: { measure: 'x', rule: 'x', size: 0, total: 0, share_of_value: null },
    criteria,
    tiers: r.pick([{ A: 60, B: 30, C: 10 }, { A: 50 }, { A: 75, B: 40 }]),
  };
  const kinds = Object.keys(SQL_COLUMNS).filter((k) => k !== 'id') as (keyof typeof SQL_COLUMNS)[];
  const header = [SQL_COLUMNS.id, ...kinds.map((k) => SQL_COLUMNS[k])].map((h) => (names === 'odd' ? h : plain(h)));
  if (names === 'plain') for (const c of criteria) c.column = plain(c.column);
  const rows = Array.from({ length: 40 }, (_, i) => [String(i), ...kinds.map((k) => cell(r, k, mark, order))]);
  return { doc, header, rows };
}

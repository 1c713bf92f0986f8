import Papa from 'papaparse';
import { generateFixtures, profileScore, type Criterion as Planted, type Truth } from '../../fixtures/generator/index.js';
import { derive, type DeriveOptions, type DeriveResult } from '../../src/core/derive/derive.js';
import type { Criterion, IcpDocument } from '../../src/core/icp/schema.js';
import { compileIcp } from '../../src/core/score/compile.js';
import { scoreRow } from '../../src/core/score/score-row.js';
import { auc } from '../../src/core/stats/index.js';
import { tableFromCsv } from './table-from-csv.js';

export const DERIVE_OPTIONS: DeriveOptions = { top: { percent: 20 }, alpha: 0.05, minSupport: 0.05, maxCriteria: 8, minLift: 1.5 };

/** Derives on a generated data set of `customers` companies (their deals joined), as `icp derive` would. */
export function deriveGenerated(
  seed: number,
  customers: number,
  independent = false,
  extra: Partial<DeriveOptions> = {},
): { truth: Truth; result: DeriveResult } {
  const f = generateFixtures({ seed, customers, leads: 1, independent });
  const result = derive({
    customers: tableFromCsv('customers.csv', f.customers),
    deals: tableFromCsv('deals.csv', f.deals),
    options: { ...DERIVE_OPTIONS, ...extra },
    generatedAt: '2026-11-23T00:00:00.000Z',
    recordedOptions: {},
  });
  return { truth: f.truth, result };
}

const key = (s: string) => s.trim().toLowerCase();
const within = (got: number | undefined, want: number | undefined) =>
  want === undefined ? got === undefined : got !== undefined && Math.abs(got - want) <= 0.2 * Math.abs(want);

/** Whether one derived criterion states one planted criterion: same values, or bounds within 20%. */
function states(c: Criterion, p: Planted): boolean {
  if (c.column !== p.column || c.points <= 0) return false;
  const m = c.match;
  if (p.kind === 'range') return 'range' in m && within(m.range.min, p.min) && within(m.range.max, p.max);
  const values = 'in' in m ? m.in : 'contains_any' in m ? m.contains_any : [];
  return values.map(key).sort().join('|') === p.values.map(key).sort().join('|');
}

/**
 * Why a derived ICP is not the clean planted profile (empty when it is): every planted criterion with its
 * values or bounds within 20%, and nothing else (no noise or proxy column, no anti-fit restating a planted one).
 */
export function cleanProblems(doc: IcpDocument, truth: Truth): string[] {
  const problems: string[] = [];
  for (const p of truth.profile) if (!doc.criteria.some((c) => states(c, p))) problems.push(`planted ${p.column} missing or off`);
  for (const c of doc.criteria) if (!truth.profile.some((p) => states(c, p))) problems.push(`extra: ${c.label} (${c.points})`);
  return problems;
}

/** The seed of the fresh leads every ranking figure is measured on (never a seed a derive is run on). */
export const FRESH_SEED = 900_001;

/** Fresh leads of the same generator: the rows, their header and whether each converted. */
export function freshLeads(leads = 20_000) {
  const f = generateFixtures({ seed: FRESH_SEED, customers: 10, leads });
  const [header = [], ...rows] = Papa.parse<string[]>(f.leads, { skipEmptyLines: true }).data;
  const at = header.indexOf('Converted');
  const converted = rows.map((r) => /^(true|yes|1)$/i.test(r[at] ?? ''));
  const record = (r: string[]) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']));
  const truth = rows.map((r) => profileScore(record(r), f.truth.profile));
  return { header, rows, converted, truthAuc: auc(truth, converted) as number };
}

/** The AUC of an ICP's score for Converted on fresh leads. */
export function leadAuc(doc: IcpDocument, fresh: ReturnType<typeof freshLeads>): number {
  const compiled = compileIcp(doc, fresh.header, fresh.rows.slice(0, 200));
  return auc(
    fresh.rows.map((r) => scoreRow(compiled, r).score),
    fresh.converted,
  ) as number;
}

/**
 * The AUC of the ICP's score for the cohort label on fresh companies of the same generator: the top 20%
 * of `customers` new companies by their won value (Total Revenue), what cross-validation estimates.
 */
export function freshCohortAuc(doc: IcpDocument, seed: number, customers = 20_000): number {
  const f = generateFixtures({ seed: seed + 200_000, customers, leads: 1 });
  const [header = [], ...rows] = Papa.parse<string[]>(f.customers, { skipEmptyLines: true }).data;
  const compiled = compileIcp(doc, header, rows.slice(0, 200));
  const value = header.indexOf('Total Revenue');
  const values = rows.map((r) => Number(r[value]));
  const order = values.map((_, i) => i).sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
  const cohort = new Array<boolean>(rows.length).fill(false);
  for (const i of order.slice(0, Math.ceil(0.2 * rows.length))) if ((values[i] as number) > 0) cohort[i] = true;
  return auc(
    rows.map((r) => scoreRow(compiled, r).score),
    cohort,
  ) as number;
}

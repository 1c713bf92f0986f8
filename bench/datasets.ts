import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCrm } from './crm-files.js';
import { writeLeads } from './leads-file.js';
import { writeWideCustomers } from './wide-customers.js';
import { writeWideLeads } from './wide-leads.js';

/** Bump when the generators change, so cached files are made again. */
const DATA_VERSION = 'v2';
const SEED = 20261123;

export interface Datasets {
  dir: string;
  leads: { rows: number; path: string; bytes: number }[];
  customers: { rows: number; path: string; bytes: number };
  deals: { rows: number; path: string; bytes: number };
  /** 100k customers with 40 attribute columns and a value column, for derive's full engine at width. */
  wide: { rows: number; path: string; bytes: number };
  /** Lead exports of 40 columns with a Converted outcome, at 100k and 1M rows, for derive on a wide lead list. */
  wideLeads: { rows: number; path: string; bytes: number }[];
}

function cached(path: string, make: () => void, log: (text: string) => void): number {
  if (!existsSync(path)) {
    log(`generating ${path} ...`);
    make();
  }
  return statSync(path).size;
}

/** The benchmark inputs, generated once with a fixed seed and cached under the system's temp folder. */
export function datasets(leadSizes: readonly number[], crm: boolean, log: (text: string) => void): Datasets {
  const dir = join(tmpdir(), 'icp-bench', DATA_VERSION);
  mkdirSync(dir, { recursive: true });
  const leads = leadSizes.map((rows) => {
    const path = join(dir, `leads-${rows}.csv`);
    return { rows, path, bytes: cached(path, () => writeLeads(path, rows, SEED), log) };
  });
  const customers = { rows: 100_000, path: join(dir, 'customers-100000.csv'), bytes: 0 };
  const deals = { rows: 1_000_000, path: join(dir, 'deals-1000000.csv'), bytes: 0 };
  if (crm && (!existsSync(customers.path) || !existsSync(deals.path))) {
    log(`generating ${customers.path} and ${deals.path} ...`);
    writeCrm(customers.path, deals.path, customers.rows, deals.rows, SEED);
  }
  if (crm) {
    customers.bytes = statSync(customers.path).size;
    deals.bytes = statSync(deals.path).size;
  }
  const wide = { rows: 100_000, path: join(dir, 'wide-customers-100000.csv'), bytes: 0 };
  if (crm) wide.bytes = cached(wide.path, () => writeWideCustomers(wide.path, wide.rows, SEED), log);
  const wideLeads = (crm ? [100_000, 1_000_000] : []).map((rows) => {
    const path = join(dir, `wide-leads-${rows}.csv`);
    return { rows, path, bytes: cached(path, () => writeWideLeads(path, rows, SEED), log) };
  });
  return { dir, leads, customers, deals, wide, wideLeads };
}

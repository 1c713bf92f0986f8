import { DEAL_KINDS, OPEN_STAGES, OWNERS } from '../fixtures/generator/catalog.js';
import { DEAL_HEADERS } from '../fixtures/generator/deals.js';
import { createRandom } from '../fixtures/generator/random.js';
import { csvCell, writeTextFile } from './text-file.js';
import { company, dollars, timestamp, type Company } from './vocabulary.js';

export const CUSTOMER_HEADER = [
  'Record ID',
  'Company name',
  'Company Domain Name',
  'Company owner',
  'Create Date',
  'Industry',
  'Number of Employees',
  'Annual Revenue',
  'City',
  'Country/Region',
  'Web Technologies',
  'Original Source',
  'Lifecycle Stage',
  'Founded Year',
];

const START = Date.UTC(2023, 0, 1);
const DAY_MS = 86_400_000;
const FIRST_ID = 18_000_000;

// The planted profile: software and financial firms of 50-1000 people win more often and bigger deals.
function fitOf(c: Company): number {
  return (c.industry === 'Computer Software' || c.industry === 'Financial Services' ? 1 : 0) + (c.employees >= 50 && c.employees <= 1000 ? 1 : 0);
}

/**
 * A HubSpot-style companies export of `customers` rows and a deals export of `deals` rows spread over them
 * (a few deals point at companies that are not in the file), the same for a seed.
 */
export function writeCrm(customersPath: string, dealsPath: string, customers: number, deals: number, seed: number): void {
  const r = createRandom(seed, 'bench-crm');
  const companies: { name: string; fit: number }[] = [];
  writeTextFile(customersPath, (write) => {
    write(CUSTOMER_HEADER.join(',') + '\n');
    for (let i = 0; i < customers; i++) {
      const c = company(r, i);
      companies.push({ name: c.name, fit: fitOf(c) });
      const cells = [
        String(FIRST_ID + i),
        c.name,
        c.domain,
        r.pick(OWNERS),
        timestamp(START + r.int(0, 700) * DAY_MS),
        c.industry,
        String(c.employees),
        r.chance(0.15) ? '' : dollars(c.revenue),
        c.city,
        c.country,
        c.technologies,
        c.source,
        r.chance(0.8) ? 'Customer' : 'Opportunity',
        String(r.int(1950, 2022)),
      ];
      write(cells.map(csvCell).join(',') + '\n');
    }
  });
  writeTextFile(dealsPath, (write) => {
    // The fixture generator's deals columns: the benchmark's deals are that export at scale.
    write(DEAL_HEADERS.join(',') + '\n');
    for (let i = 0; i < deals; i++) {
      const orphan = r.chance(0.01);
      const index = r.int(0, customers - 1);
      const target = companies[index] as { name: string; fit: number };
      const winRate = 0.2 + 0.15 * target.fit;
      const u = r.next();
      const stage = u < winRate ? 'Closed Won' : u < 0.8 ? 'Closed Lost' : r.pick(OPEN_STAGES);
      const created = START + r.int(0, 900) * DAY_MS + r.int(0, 86_399) * 1000;
      const closed = stage.startsWith('Closed') ? created + r.int(3, 180) * DAY_MS : undefined;
      const amount = Math.round(5000 * Math.exp(r.normal() * 0.8 + 0.6 * target.fit));
      const cells = [
        String(27_000_000_000 + i),
        `${target.name} - ${r.pick(DEAL_KINDS)}`,
        stage,
        String(amount),
        timestamp(created),
        closed === undefined ? '' : timestamp(closed),
        r.pick(OWNERS),
        'Sales Pipeline',
        // A deal of a company missing from the export (merged or deleted) joins nothing, by id or by name.
        String(FIRST_ID + (orphan ? customers : 0) + index),
        orphan ? `Former customer ${index}` : target.name,
      ];
      write(cells.map(csvCell).join(',') + '\n');
    }
  });
}

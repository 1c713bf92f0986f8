import { createRandom } from '../fixtures/generator/random.js';
import { csvCell, writeTextFile } from './text-file.js';
import { company, dollars, note, person, timestamp } from './vocabulary.js';

export const LEAD_HEADER = [
  'Record ID',
  'Email',
  'First Name',
  'Last Name',
  'Company',
  'Website',
  'Industry',
  'Number of Employees',
  'Country/Region',
  'City',
  'Web Technologies',
  'Lead Source',
  'Annual Revenue',
  'Create Date',
  'Notes',
];

const START = Date.UTC(2024, 0, 1);
const YEAR_MS = 365 * 86_400_000;

/**
 * A HubSpot-style lead export of `rows` rows, the same for a seed: quoted company names with commas,
 * multi-valued tech stacks, `$1,234,567` revenues, notes with quotes and line breaks, some blanks and N/A.
 */
export function writeLeads(path: string, rows: number, seed: number): void {
  const r = createRandom(seed, 'bench-leads');
  writeTextFile(path, (write) => {
    write(LEAD_HEADER.join(',') + '\n');
    for (let i = 0; i < rows; i++) {
      const c = company(r, i);
      const p = person(r);
      const email = `${p.first}.${p.last}@${c.domain}`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
      const cells = [
        String(70_000_000 + i),
        email,
        p.first,
        p.last,
        c.name,
        r.chance(0.5) ? `https://www.${c.domain}/` : `http://${c.domain}`,
        r.chance(0.05) ? '' : c.industry,
        r.chance(0.08) ? 'N/A' : String(c.employees),
        c.country,
        c.city,
        c.technologies,
        c.source,
        r.chance(0.1) ? '' : r.chance(0.7) ? dollars(c.revenue) : String(c.revenue),
        timestamp(START + r.next() * YEAR_MS),
        note(r),
      ];
      write(cells.map(csvCell).join(',') + '\n');
    }
  });
}

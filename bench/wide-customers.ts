import Papa from 'papaparse';
import { generateFixtures } from '../fixtures/generator/index.js';
import { createRandom } from '../fixtures/generator/random.js';
import { csvCell, writeTextFile } from './text-file.js';

/** Extra attribute columns that widen the generator's customers to 40 mined columns: categories, numbers, lists. */
const EXTRA = 24;
const SIZES = [2, 8, 30, 120, 500];

/**
 * A customers export of `rows` companies with 40 attribute columns (the generator's 16 plus 24 independent
 * ones: categories of 2 to 500 values, numbers, multi-valued cells) and its won value in Total Revenue,
 * for `icp derive --value "Total Revenue"` at full width. The same for a seed.
 */
export function writeWideCustomers(path: string, rows: number, seed: number): void {
  const f = generateFixtures({ seed, customers: rows, leads: 1 });
  const [header = [], ...data] = Papa.parse<string[]>(f.customers, { skipEmptyLines: true }).data;
  const r = createRandom(seed, 'bench-wide');
  writeTextFile(path, (write) => {
    write([...header, ...Array.from({ length: EXTRA }, (_, k) => `Extra ${k + 1}`)].map(csvCell).join(',') + '\n');
    for (const row of data) {
      const extra = Array.from({ length: EXTRA }, (_, k) => {
        const size = SIZES[k % SIZES.length] as number;
        if (k % 3 === 0) return `v${Math.floor(r.next() ** 2 * size)}`;
        if (k % 3 === 1) return r.chance(0.05) ? '' : String(r.int(0, 1000));
        return `t${r.int(0, 9)};t${r.int(0, 9)}`;
      });
      write([...row, ...extra].map(csvCell).join(',') + '\n');
    }
  });
}

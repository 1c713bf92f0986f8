import { createRandom, type Random } from '../fixtures/generator/random.js';
import { csvCell, writeTextFile } from './text-file.js';

/** Category sizes of the lead file's category columns, cycled: 2 to 500 distinct values. */
const SIZES = [2, 3, 5, 8, 12, 20, 30, 50, 120, 500];
const ATTRIBUTES = 38;
const WORDS = ['Email', 'Google', 'Olark Chat', 'Direct Traffic', 'Organic Search', 'Referral', 'Welingak', 'Facebook', 'Reference', 'Live Chat'];

type Kind = 'category' | 'number' | 'decimal' | 'list' | 'flag';
/** Column k's kind: mostly categories, as in a marketing-automation lead export, with numbers, flags and lists. */
const kindOf = (k: number): Kind => (['category', 'category', 'number', 'category', 'list', 'flag', 'category', 'decimal'] as const)[k % 8] as Kind;

/** The header: `Lead Number`, `Converted`, then 38 attribute columns named after their kind. */
export function wideLeadHeader(): string[] {
  return ['Lead Number', 'Converted', ...Array.from({ length: ATTRIBUTES }, (_, k) => `${kindOf(k)[0]?.toUpperCase()}${kindOf(k).slice(1)} ${k + 1}`)];
}

function category(r: Random, k: number): string {
  const size = SIZES[k % SIZES.length] as number;
  // Skewed, as real picklists are: a few values hold most rows.
  const v = Math.floor(r.next() ** 2 * size);
  return size <= WORDS.length ? (WORDS[v] as string) : `Value ${v}`;
}

function cell(r: Random, k: number, kind: Kind): string {
  // Blanks and the picklist's unfilled default, as exports have them; more in later columns.
  const blank = 0.02 + (k % 5) * 0.06;
  if (r.chance(blank)) return r.chance(0.3) ? 'Select' : '';
  switch (kind) {
    case 'category':
      return category(r, k);
    case 'number':
      return String(Math.floor(r.next() ** 3 * 250));
    case 'decimal':
      return (r.next() * 10).toFixed(2);
    case 'flag':
      return r.chance(0.2) ? 'Yes' : 'No';
    case 'list':
      return r.chance(0.5) ? `Tag ${r.int(0, 9)}` : `Tag ${r.int(0, 9)};Tag ${r.int(0, 9)}`;
  }
}

/**
 * A lead export of `rows` rows and 40 columns (an id, `Converted` 0/1 and 38 attributes: categories of 2
 * to 500 values, integers, decimals, Yes/No flags, multi-valued cells, blanks), the same for a seed. Leads
 * convert at about 30%, more often with the first values of two category columns and a high first number,
 * so `icp derive --outcome Converted` has a real pattern to find.
 */
export function writeWideLeads(path: string, rows: number, seed: number): void {
  const r = createRandom(seed, 'bench-wide-leads');
  const kinds = Array.from({ length: ATTRIBUTES }, (_, k) => kindOf(k));
  writeTextFile(path, (write) => {
    write(wideLeadHeader().map(csvCell).join(',') + '\n');
    for (let i = 0; i < rows; i++) {
      const cells = kinds.map((kind, k) => cell(r, k, kind));
      let odds = 0.35;
      if (cells[0] === WORDS[0]) odds *= 3;
      if (cells[3] === WORDS[0] || cells[3] === WORDS[1]) odds *= 2;
      if (Number(cells[2]) > 100) odds *= 2;
      const converted = r.chance(odds / (1 + odds)) ? '1' : '0';
      write([String(600_000 + i), converted, ...cells].map(csvCell).join(',') + '\n');
    }
  });
}

import type { WarningSink } from '../../core/warnings.js';
/** One header that had to be renamed to make the header row usable. */
export interface HeaderFix {
  /** 1-based column position. */
  position: number;
  raw: string;
  name: string;
  reason: 'blank' | 'duplicate';
}

/**
 * Trims header names, names blank ones `column_<N>` and suffixes repeats `_2`, `_3`... (the first
 * occurrence keeps its name), never producing a name that another column already has.
 */
export function uniqueHeaders(rawHeader: readonly string[]): { header: string[]; fixes: HeaderFix[] } {
  const trimmed = rawHeader.map((name) => name.trim());
  // Names as given are reserved first, so a generated `a_2` cannot take a later column's real `a_2`.
  const taken = new Set(trimmed.filter((name) => name !== ''));
  const seen = new Set<string>();
  // The next suffix to try per base name: 20,000 columns named "x" took 20 s trying _2, _3, ... from 2 each time.
  const next = new Map<string, number>();
  const fixes: HeaderFix[] = [];
  const header = trimmed.map((name, index) => {
    const position = index + 1;
    if (name === '') {
      const fixed = freeName(`column_${position}`, taken, 1, next);
      fixes.push({ position, raw: rawHeader[index] ?? '', name: fixed, reason: 'blank' });
      return fixed;
    }
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    const fixed = freeName(name, taken, 2, next);
    fixes.push({ position, raw: rawHeader[index] ?? '', name: fixed, reason: 'duplicate' });
    return fixed;
  });
  return { header, fixes };
}

/** The warning text for a header fix, e.g. `duplicate header "Email" in column 5 renamed to "Email_2"`. */
export function describeHeaderFix(fix: HeaderFix): string {
  return fix.reason === 'blank'
    ? `blank header in column ${fix.position} named "${fix.name}"`
    : `duplicate header "${fix.raw.trim()}" in column ${fix.position} renamed to "${fix.name}"`;
}

// `base` itself when free (counting from 1), else base_<n> from `from` upwards; the result is reserved.
function freeName(base: string, taken: Set<string>, from: number, next: Map<string, number>): string {
  let name = from === 1 && !taken.has(base) ? base : '';
  let n = Math.max(from, next.get(base) ?? 2);
  for (; name === ''; n++) {
    if (!taken.has(`${base}_${n}`)) name = `${base}_${n}`;
  }
  next.set(base, n);
  taken.add(name);
  return name;
}

/** The unique header of a file's first row, each renaming warned with the file and line (both readers use it). */
export function headerRow(cells: readonly string[], warn: WarningSink, file: string, line: number): string[] {
  const { header, fixes } = uniqueHeaders(cells);
  for (const fix of fixes) warn({ message: describeHeaderFix(fix), file, line });
  return header;
}

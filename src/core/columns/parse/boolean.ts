import { isMissing } from './missing.js';

// Lower-cased spellings. "x" is how checkbox columns export a tick (the blank being unticked).
export const SPELLINGS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['yes', true],
  ['y', true],
  ['t', true],
  ['1', true],
  ['on', true],
  ['checked', true],
  ['x', true],
  ['\u2713', true],
  ['\u2714', true],
  ['false', false],
  ['no', false],
  ['n', false],
  ['f', false],
  ['0', false],
  ['off', false],
  ['unchecked', false],
]);
const LONGEST_SPELLING = 9;

/** Parses true/false, yes/no, y/n, t/f, 1/0, on/off, checked/unchecked, x (true) in any case; null otherwise. */
export function parseBoolean(raw: string): boolean | null {
  const text = raw.trim();
  if (text.length === 0 || text.length > LONGEST_SPELLING) return null;
  return SPELLINGS.get(text.toLowerCase()) ?? null;
}

// More spellings than this for one side ("yes", "y", "true" all meaning true) suggests a free-text
// column where yes/no answers are a coincidence rather than a checkbox or a flag.
const MAX_SPELLINGS_PER_SIDE = 2;

/**
 * True when the column holds at least one value, every non-missing value parses as a boolean, and each of
 * true and false is written in at most two ways (case aside). "1"/"0" is boolean, "1"/"0"/"2" is not, and a
 * checkbox export of "x" and blanks is.
 */
export function isBooleanColumn(values: readonly string[]): boolean {
  const trueSpellings = new Set<string>();
  const falseSpellings = new Set<string>();
  for (const value of values) {
    if (isMissing(value)) continue;
    const parsed = parseBoolean(value);
    if (parsed === null) return false;
    const spellings = parsed ? trueSpellings : falseSpellings;
    const spelling = value.trim().toLowerCase();
    if (!spellings.has(spelling)) {
      if (spellings.size === MAX_SPELLINGS_PER_SIDE) return false;
      spellings.add(spelling);
    }
  }
  return trueSpellings.size + falseSpellings.size > 0;
}

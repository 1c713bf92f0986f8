import { isMissing } from './missing.js';

export type MultiSeparator = ';' | '|' | ', ';

/** Splits a cell into trimmed, non-empty, de-duplicated tokens (first occurrence order); ', ' splits on every comma. */
export function splitMulti(raw: string, separator: MultiSeparator): string[] {
  // Within a column already judged to be ", "-separated, "AWS,Slack" is the same list typed carelessly.
  const mark = separator === ', ' ? ',' : separator;
  const tokens: string[] = [];
  let start = 0;
  for (;;) {
    const end = raw.indexOf(mark, start);
    const token = (end === -1 ? raw.slice(start) : raw.slice(start, end)).trim();
    if (token.length > 0 && !tokens.includes(token)) tokens.push(token);
    if (end === -1) return tokens;
    start = end + 1;
  }
}

// Where a token was seen: a cell of its own, first in a list, or later in a list.
const ALONE = 1;
const FIRST = 2;
const LATER = 4;

const MAX_TOKEN_LENGTH = 40;
const MAX_TOKEN_WORDS = 4;
const WORD_GAP = /\s+/;
// "Acme, Inc." and "Foo, GmbH" are company names, not lists.
const LEGAL_FORM = /^(?:inc|llc|ltd|corp|co|plc|gmbh|ag|sa|s\.a|sas|srl|bv|nv|pty|lp|llp|oy|ab|as|kg)\.?$/i;

interface TokenSeen {
  cells: number;
  places: number;
}

interface Evidence {
  listCells: number;
  short: number;
  recurring: number;
  mobile: number;
  legalForms: number;
  occurrences: number;
}

/** Counts how the list-like cells of a column behave under one separator. */
function gather(cells: readonly string[], separator: MultiSeparator): Evidence {
  const seen = new Map<string, TokenSeen>();
  const listed: string[][] = [];
  const note = (token: string, place: number): void => {
    const entry = seen.get(token);
    if (entry === undefined) seen.set(token, { cells: 1, places: place });
    else {
      entry.cells++;
      entry.places |= place;
    }
  };
  for (const cell of cells) {
    const tokens = cell.includes(separator) ? splitMulti(cell, separator) : [];
    if (tokens.length < 2) {
      note(tokens[0] ?? cell.trim(), ALONE);
      continue;
    }
    tokens.forEach((token, i) => {
      note(token, i === 0 ? FIRST : LATER);
    });
    listed.push(tokens);
  }
  const evidence: Evidence = { listCells: listed.length, short: 0, recurring: 0, mobile: 0, legalForms: 0, occurrences: 0 };
  for (const tokens of listed) {
    tokens.forEach((token, i) => {
      const entry = seen.get(token);
      evidence.occurrences++;
      if (token.length <= MAX_TOKEN_LENGTH && token.split(WORD_GAP).length <= MAX_TOKEN_WORDS) evidence.short++;
      if (entry !== undefined && entry.cells >= 2) evidence.recurring++;
      // Seen in two kinds of place: items of a list move around, "Austin, TX" parts never do.
      if (entry !== undefined && (entry.places & (entry.places - 1)) !== 0) evidence.mobile++;
      if (i > 0 && LEGAL_FORM.test(token)) evidence.legalForms++;
    });
  }
  return evidence;
}

/** True when a separator's evidence says the column holds lists; ', ' needs more proof, since commas fill names and prose. */
function isList(e: Evidence, separator: MultiSeparator, cellCount: number): boolean {
  if (e.listCells < 2 || e.short < 0.9 * e.occurrences) return false;
  const mobile = e.mobile > 0.5 * e.occurrences;
  if (separator === ', ') return mobile && e.legalForms <= 0.05 * e.listCells;
  return e.recurring >= 0.5 * e.occurrences && (e.listCells >= 0.1 * cellCount || mobile);
}

const SEPARATORS: readonly MultiSeparator[] = [';', '|', ', '];

/**
 * Decides whether a column holds multi-valued cells and which separator splits them: ";" (HubSpot), "|",
 * or ", " when the items are short, recur across rows and change places; null when single-valued.
 */
export function detectMultiSeparator(values: readonly string[]): MultiSeparator | null {
  const cells = values.filter((value) => !isMissing(value));
  for (const separator of SEPARATORS) {
    if (isList(gather(cells, separator), separator, cells.length)) return separator;
  }
  return null;
}

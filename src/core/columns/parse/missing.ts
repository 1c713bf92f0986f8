// Spellings CRMs and spreadsheets use for "no value", compared lower-cased after trimming.
// "unknown", "none" and the like say nobody knows or filled it in: mined as a value they became criteria
// (`origin is unknown`, +100), so they are missing (issue 12). A whole cell "None" is missing; inside a
// multi-valued list a "None" token is dropped like every other marker (readCell filters tokens with isMissing),
// so "Slack;None" reads as [Slack] and "None" alone as missing: the same rule for a cell and a token.
// Only whole cells match: "Unknown Pleasures Records" is a value.
// Deliberately absent: "na" (North America), "0", "no".
export const MISSING_MARKERS: ReadonlySet<string> = new Set([
  '',
  'n/a',
  '#n/a',
  '-',
  '--',
  '\u2013', // en dash, what some spreadsheets substitute for "-"
  '\u2014', // em dash
  'null',
  'nil',
  'select', // HubSpot/Salesforce picklist placeholder exported as if chosen
  '(none)',
  '(blank)',
  'undefined',
  'nan',
  'unknown',
  'none',
  'not provided',
  'not specified',
  'not available',
  'undisclosed',
  '?',
]);

// Longer than every marker: such cells are values without the cost of lower-casing them.
const LONGEST_MARKER = Math.max(...[...MISSING_MARKERS].map((m) => m.length));

// ASCII characters a marker, or white space before it, may start with; any other ASCII first character
// makes a value, decided without trimming and lower-casing (most cells: digits, dates, names, amounts).
const MAY_START_MARKER = new Uint8Array(128);
for (const marker of MISSING_MARKERS) {
  const c = marker.charCodeAt(0);
  if (c < 128) MAY_START_MARKER[c] = MAY_START_MARKER[marker.toUpperCase().charCodeAt(0)] = 1;
}
for (const c of [9, 10, 11, 12, 13, 32]) MAY_START_MARKER[c] = 1;

/**
 * True for cells that mean "no value": "", whitespace, N/A, #N/A, -, --, null, nil, Select, (none), (blank),
 * undefined, NaN, unknown, none, not provided, not specified, not available, undisclosed, ?.
 */
export function isMissing(raw: string): boolean {
  if (raw.length === 0) return true;
  const first = raw.charCodeAt(0);
  if (first < 128 && MAY_START_MARKER[first] === 0) return false;
  const trimmed = raw.trim();
  if (trimmed.length > LONGEST_MARKER) return false;
  return MISSING_MARKERS.has(trimmed.toLowerCase());
}

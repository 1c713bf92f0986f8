// Spellings CRMs and spreadsheets use for "no value", compared lower-cased after trimming.
// Deliberately absent: "none" (a real answer to "Current CRM?"), "na" (North America), "0", "no".
const MISSING_MARKERS: ReadonlySet<string> = new Set([
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
]);

// Longer than every marker: such cells are values without the cost of lower-casing them.
const LONGEST_MARKER = 9;

// ASCII characters a marker, or white space before it, may start with; any other ASCII first character
// makes a value, decided without trimming and lower-casing (most cells: digits, dates, names, amounts).
const MAY_START_MARKER = new Uint8Array(128);
for (const marker of MISSING_MARKERS) {
  const c = marker.charCodeAt(0);
  if (c < 128) MAY_START_MARKER[c] = MAY_START_MARKER[marker.toUpperCase().charCodeAt(0)] = 1;
}
for (const c of [9, 10, 11, 12, 13, 32]) MAY_START_MARKER[c] = 1;

/** True for cells that mean "no value": "", whitespace, N/A, #N/A, -, --, null, nil, Select, (none), (blank), undefined, NaN. */
export function isMissing(raw: string): boolean {
  if (raw.length === 0) return true;
  const first = raw.charCodeAt(0);
  if (first < 128 && MAY_START_MARKER[first] === 0) return false;
  const trimmed = raw.trim();
  if (trimmed.length > LONGEST_MARKER) return false;
  return MISSING_MARKERS.has(trimmed.toLowerCase());
}

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

/** True for cells that mean "no value": "", whitespace, N/A, #N/A, -, --, null, nil, Select, (none), (blank), undefined, NaN. */
export function isMissing(raw: string): boolean {
  if (raw.length === 0) return true;
  const trimmed = raw.trim();
  if (trimmed.length > LONGEST_MARKER) return false;
  return MISSING_MARKERS.has(trimmed.toLowerCase());
}

/**
 * A join key as compared: trimmed, case-folded, and `123.0` read as `123` because spreadsheets turn ids into
 * floats. HubSpot's `Associated Company IDs` may list several ids; the first is the primary company.
 */
export function normalizeKey(raw: string | undefined): string {
  if (raw === undefined) return '';
  const first = raw.split(';')[0] ?? '';
  const key = first.trim().toLowerCase();
  return /^\d+\.0+$/.test(key) ? key.replace(/\.0+$/, '') : key;
}

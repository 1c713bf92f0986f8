/**
 * A join key as compared: trimmed, case-folded, and `123.0` read as `123` because spreadsheets turn ids into
 * floats. HubSpot's `Associated Company IDs` may list several ids; the first is the primary company.
 */
export function normalizeKey(raw: string | undefined): string {
  if (raw === undefined) return '';
  if (isNormal(raw)) return raw;
  const first = raw.split(';')[0] ?? '';
  const key = first.trim().toLowerCase();
  return /^\d+\.0+$/.test(key) ? key.replace(/\.0+$/, '') : key;
}

/** True for a key the rules above leave as it is: digits, lower-case ASCII letters, `-` and `_` only (no `;`, space, capital or `.`). */
function isNormal(raw: string): boolean {
  if (raw.length === 0) return true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 45 || c === 95)) return false;
  }
  return true;
}

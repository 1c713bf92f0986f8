import type { DecimalMark } from './number.js';

/**
 * The common shapes of a money or number cell, read without patterns: `1234`, `$1234` and, with `.` as
 * the decimal mark, `1,234,567` and `$1,234,567`. What parseMoney reads them as; undefined for any other
 * shape (signs, decimals, spaces, suffixes, other currencies), which the full parsers handle.
 */
export function plainAmount(raw: string, decimal: DecimalMark): number | undefined {
  const n = raw.length;
  let i = raw.charCodeAt(0) === 0x24 /* $ */ ? 1 : 0;
  if (i >= n || n - i > 19) return undefined;
  let value = 0;
  let digits = 0;
  let group = -1; // digits since the last comma; -1 before any comma
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      value = value * 10 + (c - 0x30);
      digits++;
      if (group >= 0 && ++group > 3) return undefined;
    } else if (c === 0x2c /* , */ && decimal === '.' && digits > 0 && (group === -1 ? digits <= 3 : group === 3)) {
      group = 0;
    } else return undefined;
  }
  if (group !== -1 && group !== 3) return undefined;
  return digits <= 15 ? value : undefined;
}

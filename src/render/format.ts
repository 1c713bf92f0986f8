/** Formats a number for people: thousands separators, at most `digits` decimals, compact above a million. */
export function formatNumber(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${trim(value / 1e9, 2)}B`;
  if (abs >= 1e6) return `${trim(value / 1e6, 2)}M`;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

function trim(value: number, digits: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

export { percentText as formatPercent } from '../core/percent.js';

/** Shortens a cell for a table, marking the cut. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

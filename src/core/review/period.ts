import { UsageError } from '../../errors.js';

/** A calendar quarter: `2026Q3` = 2026-07-01T00:00Z to 2026-09-30T23:59:59.999Z. */
export interface Quarter {
  year: number;
  q: 1 | 2 | 3 | 4;
  label: string;
  start: number;
  /** Last millisecond of the quarter. */
  end: number;
}

/** The quarter with this year and number. */
export function quarter(year: number, q: number): Quarter {
  const start = Date.UTC(year, (q - 1) * 3, 1);
  const end = Date.UTC(year, q * 3, 1) - 1;
  return { year, q: q as Quarter['q'], label: `${year}Q${q}`, start, end };
}

/** Parses `2026Q3` (also `2026-Q3`, `q3 2026`). */
export function parseQuarter(text: string): Quarter {
  const m = /^(\d{4})\s*-?\s*q([1-4])$/i.exec(text.trim()) ?? /^q([1-4])\s*-?\s*(\d{4})$/i.exec(text.trim());
  if (!m) throw new UsageError(`--quarter expects a quarter such as 2026Q3, got "${text}"`);
  const [year, q] = /^\d{4}/.test(m[1] as string) ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
  return quarter(year, q);
}

/** The last complete calendar quarter before `today`. */
export function lastCompleteQuarter(today: number): Quarter {
  const d = new Date(today);
  const current = Math.floor(d.getUTCMonth() / 3) + 1;
  return current === 1 ? quarter(d.getUTCFullYear() - 1, 4) : quarter(d.getUTCFullYear(), current - 1);
}

/** The quarter `n` quarters before `from` (n = 0 is `from` itself). */
export function quartersBefore(from: Quarter, n: number): Quarter {
  const index = from.year * 4 + (from.q - 1) - n;
  return quarter(Math.floor(index / 4), (index % 4) + 1);
}

/** Parses `--window 4q` (or `4`): a number of quarters, at least 1. */
export function parseWindow(text: string | undefined): number {
  const m = /^(\d+)\s*q?$/i.exec((text ?? '4q').trim());
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 40) throw new UsageError(`--window expects a number of quarters such as 4q, got "${text}"`);
  return n;
}

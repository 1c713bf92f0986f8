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

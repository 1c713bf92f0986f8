import { readCell } from './cell-value.js';
import { decideTypes } from './decide-types.js';
import type { ColumnInfo } from './infer.js';
import type { RoleAssignment } from './roles.js';

/** A column's type plus what a person needs to trust it: fill rate, distinct values, range, examples. */
export interface ColumnProfile extends ColumnInfo {
  rows: number;
  filled: number;
  /** Cells present but not readable as the column's type. */
  invalid: number;
  distinct: number;
  /** True when distinct values exceeded the cap and `distinct` is a lower bound. */
  distinctCapped: boolean;
  /** Most frequent values (tokens, for multi-valued columns), most frequent first, ties by value. */
  top: { value: string; count: number }[];
  min: number | undefined;
  max: number | undefined;
  examples: string[];
}

export interface ProfilerOptions {
  /** Rows kept to decide each column's type before the rest are streamed through. */
  sampleRows?: number;
  /** Distinct values tracked per column; beyond it memory stays flat and counts become lower bounds. */
  distinctCap?: number;
  topN?: number;
}

interface Tally {
  filled: number;
  invalid: number;
  counts: Map<string, number>;
  capped: boolean;
  min: number | undefined;
  max: number | undefined;
  examples: string[];
}

/**
 * Profiles a CSV in one pass with memory independent of its length: the first rows decide the types,
 * then every row (those first ones replayed) is tallied with bounded maps (types: decideTypes).
 */
export class ColumnProfiler {
  private readonly sampleRows: number;
  private readonly distinctCap: number;
  private readonly topN: number;
  private buffer: string[][] = [];
  private columns: ColumnInfo[] | undefined;
  private readonly tallies: Tally[];
  private rows = 0;

  constructor(
    private readonly headers: readonly string[],
    private readonly roles: RoleAssignment,
    options: ProfilerOptions = {},
  ) {
    this.sampleRows = options.sampleRows ?? 5000;
    this.distinctCap = options.distinctCap ?? 10_000;
    this.topN = options.topN ?? 3;
    this.tallies = headers.map(() => ({
      filled: 0,
      invalid: 0,
      counts: new Map(),
      capped: false,
      min: undefined,
      max: undefined,
      examples: [],
    }));
  }

  /** Adds one data row (cells as read; short or long rows are fine). */
  add(cells: readonly string[]): void {
    this.rows++;
    if (this.columns) {
      this.tally(cells);
      return;
    }
    this.buffer.push([...cells]);
    if (this.buffer.length >= this.sampleRows) this.decide();
  }

  /** The columns' types, deciding them from what has been seen so far if need be. */
  types(): ColumnInfo[] {
    if (!this.columns) this.decide();
    return this.columns as ColumnInfo[];
  }

  /** Finishes the pass and returns one profile per header, in header order. */
  finish(): ColumnProfile[] {
    const columns = this.types();
    return columns.map((column, i) => {
      const t = this.tallies[i] as Tally;
      const top = [...t.counts]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .slice(0, this.topN)
        .map(([value, count]) => ({ value, count }));
      // Object.assign, not a spread: at 200,000 columns the spread cost 4.7 s and 450 MB (V8 copies slowly).
      return Object.assign({}, column, {
        rows: this.rows,
        filled: t.filled,
        invalid: t.invalid,
        distinct: t.counts.size,
        distinctCapped: t.capped,
        top,
        min: t.min,
        max: t.max,
        examples: t.examples,
      });
    });
  }

  private decide(): void {
    this.columns = decideTypes(this.headers, this.roles, this.buffer);
    const buffered = this.buffer;
    this.buffer = [];
    for (const row of buffered) this.tally(row);
  }

  private count(t: Tally, key: string): void {
    const seen = t.counts.get(key);
    if (seen !== undefined) t.counts.set(key, seen + 1);
    else if (t.counts.size < this.distinctCap) t.counts.set(key, 1);
    else t.capped = true;
  }

  private tally(cells: readonly string[]): void {
    const columns = this.columns as ColumnInfo[];
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i] as ColumnInfo;
      const t = this.tallies[i] as Tally;
      const raw = cells[i];
      const value = readCell(column, raw);
      if (value === null) continue;
      t.filled++;
      if (value === undefined) {
        t.invalid++;
        continue;
      }
      const text = (raw as string).trim();
      if (t.examples.length < 2 && !t.examples.includes(text)) t.examples.push(text);
      if (typeof value === 'number') {
        if (t.min === undefined || value < t.min) t.min = value;
        if (t.max === undefined || value > t.max) t.max = value;
      }
      if (Array.isArray(value)) for (const token of value) this.count(t, token);
      else this.count(t, typeof value === 'boolean' ? String(value) : text);
    }
  }
}

import { describe, expect, it } from 'vitest';
import type { InspectColumn, InspectReport } from '../../src/core/columns/inspect-report.js';
import { INSPECT_TABLE_COLUMNS, renderInspect } from '../../src/render/inspect.js';
import { largestSpread } from './spread-spy.js';

function column(i: number, role: string | null = null): InspectColumn {
  return {
    header: `col${i}`,
    role,
    role_source: role === null ? null : 'header',
    type: 'number',
    category: null,
    filled: 3,
    filled_pct: 100,
    invalid: 0,
    distinct: 3,
    distinct_capped: false,
    top: [],
    min: 0,
    max: i,
    examples: ['0', String(i)],
    format: null,
    notes: [],
  };
}

function report(columns: InspectColumn[]): InspectReport {
  return {
    file: 'wide.csv',
    rows: 3,
    delimiter: ',',
    encoding: 'utf-8',
    columns,
    categories: { informed: [], missing: [] },
  };
}

const tableRows = (out: string) => out.split('\n').filter((l) => /^│ col\d/.test(l));

describe('renderInspect', () => {
  it('lists every column of an ordinary file', () => {
    const out = renderInspect(report(Array.from({ length: 40 }, (_, i) => column(i))), false);
    expect(out).toMatch(/^wide\.csv: 3 rows, 40 columns/);
    expect(tableRows(out)).toHaveLength(40);
    expect(out).not.toMatch(/more columns/);
  });

  it('bounds the table of a 200,000-column file, keeps later columns with a role, and never spreads the columns', () => {
    const columns = Array.from({ length: 200_000 }, (_, i) => column(i, i === 150_000 ? 'industry' : null));
    const { result: out, largest } = largestSpread(() => renderInspect(report(columns), false));
    expect(out).toMatch(/^wide\.csv: 3 rows, 200,000 columns/);
    const rows = tableRows(out);
    expect(rows).toHaveLength(INSPECT_TABLE_COLUMNS + 1);
    expect(rows.at(-1)).toMatch(/^│ col150000 +│ industry/);
    expect(out).toContain(`… and ${(200_000 - INSPECT_TABLE_COLUMNS - 1).toLocaleString('en-US')} more columns; use --format json to see them all`);
    expect(largest).toBeLessThan(1000);
  });
});

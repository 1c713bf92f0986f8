import { describe, expect, it } from 'vitest';
import { columnReader, readCell } from '../../../src/core/columns/cell-value.js';
import type { ColumnInfo } from '../../../src/core/columns/infer.js';
import { ColumnProfiler } from '../../../src/core/columns/profiler.js';
import { assignRoles } from '../../../src/core/columns/roles.js';
import { typeTable } from '../../../src/core/columns/type-table.js';
import { readTable } from '../../../src/io/csv/read-table.js';

const fixture = (name: string) => new URL(`../../../fixtures/${name}`, import.meta.url).pathname;

describe('columnReader', () => {
  it('reads every cell of the fixture customers as readCell does, missing and unreadable cells included', async () => {
    const table = await readTable(fixture('customers.csv'));
    const columns = typeTable(table, assignRoles(table.header));
    for (const column of columns) {
      const read = columnReader(column);
      for (const row of table.rows) expect(read(row[column.index])).toEqual(readCell(column, row[column.index]));
    }
  });

  it('tells a missing cell (null) from an unreadable one (undefined) when the answers are remembered', () => {
    const column: ColumnInfo = { index: 0, header: 'Employees', role: 'employees', notes: [], type: 'number', decimal: '.' };
    const read = columnReader(column);
    for (let i = 0; i < 3; i++) {
      expect(read('N/A')).toBeNull();
      expect(read('lots')).toBeUndefined();
      expect(read(undefined)).toBeNull();
      expect(read('1,200')).toBe(1200);
    }
  });
});

describe('multi-valued cells', () => {
  const tech: ColumnInfo = { index: 0, header: 'Web Technologies', role: 'technologies', notes: [], type: 'multi', separator: ';' };

  // Decided: a blank technologies cell is unknown (missing), not "uses none": a CRM leaves the field blank when
  // nobody filled it in, so it must neither match nor fail a contains_any criterion.
  it('reads an empty cell, one of separators only and one of missing markers only as missing (null), never []', () => {
    const read = columnReader(tech);
    for (const raw of ['', '   ', ';', ' ; ; ', 'N/A', 'N/A; -', '(none);']) {
      expect(readCell(tech, raw), JSON.stringify(raw)).toBeNull();
      for (let i = 0; i < 2; i++) expect(read(raw), JSON.stringify(raw)).toBeNull();
    }
    expect(readCell({ ...tech, separator: '|' }, ' | ')).toBeNull();
    expect(readCell({ ...tech, separator: ', ' }, ', ,')).toBeNull();
  });

  // Issue 12: "None" and "Unknown" are missing markers; a token is dropped like a whole cell is missing.
  it('keeps real tokens, drops missing markers inside a list, "None" and "Unknown" included', () => {
    expect(readCell(tech, 'Slack;HubSpot')).toEqual(['Slack', 'HubSpot']);
    expect(readCell(tech, 'Slack; N/A;')).toEqual(['Slack']);
    expect(readCell(tech, 'Slack; None; unknown')).toEqual(['Slack']);
    expect(readCell(tech, 'None')).toBeNull();
    expect(readCell(tech, 'None; Unknown; ?')).toBeNull();
    expect(readCell(tech, 'Unknown Pleasures;Slack')).toEqual(['Unknown Pleasures', 'Slack']);
  });

  it('counts blank technologies cells as not filled through typing and profiling', () => {
    const header = ['Web Technologies'];
    const cells = ['Salesforce;Slack', 'HubSpot;Slack', '', 'AWS', ';', 'Slack;AWS'];
    const rows = Array.from({ length: 30 }, (_, i) => [cells[i % cells.length] as string]);
    const table = { name: 't.csv', header, rows, lines: rows.map((_, i) => i + 2), sha256: '' };
    const roles = assignRoles(header);
    const [column] = typeTable(table, roles) as [ColumnInfo];
    expect(column).toMatchObject({ type: 'multi', separator: ';' });
    const read = columnReader(column);
    expect(rows.map((r) => read(r[0])).filter((v) => v === null)).toHaveLength(10);
    const profiler = new ColumnProfiler(header, roles);
    for (const row of rows) profiler.add(row);
    const [profile] = profiler.finish();
    expect(profile).toMatchObject({ rows: 30, filled: 20, invalid: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { renderTable, TABLE_MAX_ROWS } from '../../src/render/table.js';
import { largestSpread } from './spread-spy.js';

describe('renderTable', () => {
  it('draws a small table whole', () => {
    const out = renderTable(
      ['a', 'b'],
      [
        ['1', '2'],
        ['3', '4'],
      ],
      false,
    );
    expect(out.split('\n')).toHaveLength(6);
    expect(out).toMatch(/│ 3 +│ 4 +│/);
    expect(out).not.toMatch(/more rows/);
  });

  it('draws at most TABLE_MAX_ROWS rows of a huge table and counts the rest, never spreading them', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`r${i}`, 'x']);
    const { result: out, largest } = largestSpread(() => renderTable(['a', 'b'], rows, false));
    const lines = out.split('\n');
    expect(lines.at(-1)).toBe(`… and ${200_000 - TABLE_MAX_ROWS} more rows`);
    // head: top border, header, separator; then the rows, the bottom border and the count.
    expect(lines).toHaveLength(3 + TABLE_MAX_ROWS + 2);
    expect(largest).toBeLessThanOrEqual(TABLE_MAX_ROWS + 1);
  });
});

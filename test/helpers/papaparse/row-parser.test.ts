import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RowParser, type ParsedRow } from './row-parser.js';

function parse(pieces: string[], newline: '\n' | '\r\n' | '\r' = '\n', maxRowChars = 1 << 20): ParsedRow[] {
  const parser = new RowParser({ delimiter: ',', newline, file: 'test.csv', maxRowChars });
  const rows = pieces.flatMap((piece) => parser.push(piece));
  return [...rows, ...parser.end()];
}

describe('RowParser', () => {
  it('returns only complete rows and carries the rest to the next piece', () => {
    const parser = new RowParser({ delimiter: ',', newline: '\n', file: 'x', maxRowChars: 1000 });
    expect(parser.push('a,b\n1,')).toEqual([{ line: 1, cells: ['a', 'b'] }]);
    expect(parser.push('2\n3')).toEqual([{ line: 2, cells: ['1', '2'] }]);
    expect(parser.end(',4')).toEqual([{ line: 3, cells: ['3', '4'] }]);
  });

  it('numbers rows by the line they start on across quoted line breaks and pieces', () => {
    const rows = parse(['a,"b\n', 'c"\n"1\n\n2",x\n', '\n', 'y,z']);
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b\nc']],
      [3, ['1\n\n2', 'x']],
      [6, ['']],
      [7, ['y', 'z']],
    ]);
  });

  it('counts CR as the line break of CR-only files', () => {
    const rows = parse(['a\r"b\rc"\rd'], '\r');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('ends with an empty row after a final line break, as papaparse does', () => {
    const parser = new RowParser({ delimiter: ',', newline: '\n', file: 'x', maxRowChars: 1000 });
    expect(parser.end('a\n')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: [''] },
    ]);
  });

  it('reports a quote that should have been doubled once per row', () => {
    const lines: number[] = [];
    const onInvalidQuotes = (line: number): number => lines.push(line);
    const parser = new RowParser({ delimiter: ',', newline: '\n', file: 'x', maxRowChars: 1000, onInvalidQuotes });
    parser.push('a,b\n"x"y"z",1\n');
    parser.push('ok,2\n');
    parser.end();
    expect(lines).toEqual([2]);
  });

  it('throws naming the line of the opening quote', () => {
    expect(() => parse(['a\n', 'b\n"c\n', 'd\n'])).toThrow('unterminated quoted field starting on line 3');
  });
});

describe('RowParser against papaparse on the whole text', () => {
  // Includes malformed input (stray and unbalanced quotes): piecewise parsing must not change the result.
  const unit = fc.constantFrom('a', ' ', '"', '""', ',', '\n', '\r\n', 'é', '😀');
  const text = fc.string({ unit, maxLength: 60 });
  const blank = (cells: string[]): boolean => cells.length === 1 && cells[0] === '';

  it('gives the same rows however the text is cut into pieces', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(60), { maxLength: 6 }), (input, cuts) => {
        const whole = Papa.parse<string[]>(input, { delimiter: ',', newline: '\n' });
        const inside = [...new Set(cuts)].filter((c) => c < input.length).sort((a, b) => a - b);
        const bounds = [0, ...inside, input.length];
        const pieces = bounds.slice(1).map((end, i) => input.slice(bounds[i], end));
        if (whole.errors.some((e) => e.code === 'MissingQuotes')) {
          expect(() => parse(pieces)).toThrow(/unterminated quoted field/);
          return;
        }
        const rows = parse(pieces).map((r) => r.cells);
        expect(rows.filter((r) => !blank(r))).toEqual(whole.data.filter((r) => !blank(r)));
      }),
      { numRuns: 2000 },
    );
  });
});

import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RowParser, type ParsedRow } from './row-parser.js';

function parse(pieces: string[], maxRowChars = 1 << 20): ParsedRow[] {
  const parser = new RowParser({ delimiter: ',', file: 'test.csv', maxRowChars });
  const rows = pieces.flatMap((piece) => parser.push(piece));
  return [...rows, ...parser.end()];
}

describe('RowParser', () => {
  it('returns only complete rows and carries the rest to the next piece', () => {
    const parser = new RowParser({ delimiter: ',', file: 'x', maxRowChars: 1000 });
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
    const rows = parse(['a\r"b\rc"\rd']);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('ends with an empty row after a final line break, as papaparse does', () => {
    const parser = new RowParser({ delimiter: ',', file: 'x', maxRowChars: 1000 });
    expect(parser.end('a\n')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: [''] },
    ]);
  });

  it('reports a quote that should have been doubled once per row', () => {
    const lines: number[] = [];
    const onInvalidQuotes = (line: number): number => lines.push(line);
    const parser = new RowParser({ delimiter: ',', file: 'x', maxRowChars: 1000, onInvalidQuotes });
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
  // Includes malformed input (stray and unbalanced quotes, white space after quotes); NL is a line break.
  const unit = fc.constantFrom('a', ' ', '"', '""', ',', 'NL', 'NL', 'é', '😀', '\u00a0');
  const units = fc.array(unit, { maxLength: 40 });
  const breaks = fc.constantFrom('\n', '\r\n', '\r');
  const blank = (cells: string[]): boolean => cells.length === 1 && cells[0] === '';
  const cut = (input: string, cuts: number[]): string[] => {
    const inside = [...new Set(cuts)].filter((c) => c < input.length).sort((a, b) => a - b);
    const bounds = [0, ...inside, input.length];
    return bounds.slice(1).map((end, i) => input.slice(bounds[i], end));
  };
  const cuts = fc.array(fc.nat(60), { maxLength: 6 });

  it('is papaparse itself on a file with one kind of line break, however the text is cut into pieces', () => {
    fc.assert(
      fc.property(units, breaks, cuts, (parts, newline, at) => {
        const input = parts.map((u) => (u === 'NL' ? newline : u)).join('');
        const whole = Papa.parse<string[]>(input, { delimiter: ',', newline });
        if (whole.errors.some((e) => e.code === 'MissingQuotes')) {
          expect(() => parse(cut(input, at))).toThrow(/unterminated quoted field/);
          return;
        }
        const rows = parse(cut(input, at)).map((r) => r.cells);
        expect(rows.filter((r) => !blank(r))).toEqual(whole.data.filter((r) => !blank(r)));
      }),
      { numRuns: 2000 },
    );
  });

  it('with mixed line breaks, reads as papaparse does the text with each made LF, keeping the breaks in cells', () => {
    fc.assert(
      fc.property(units, fc.array(breaks, { minLength: 40, maxLength: 40 }), cuts, (parts, kinds, at) => {
        let k = 0;
        const input = parts.map((u) => (u === 'NL' ? (kinds[k++] as string) : u)).join('');
        const lf = Papa.parse<string[]>(input.replace(/\r\n?/g, '\n'), { delimiter: ',', newline: '\n' });
        if (lf.errors.some((e) => e.code === 'MissingQuotes')) {
          expect(() => parse(cut(input, at))).toThrow(/unterminated quoted field/);
          return;
        }
        const rows = parse(cut(input, at)).filter((r) => !blank(r.cells));
        expect(rows).toEqual(parse([input]).filter((r) => !blank(r.cells)));
        const asLf = rows.map((r) => r.cells.map((c) => c.replace(/\r\n?/g, '\n')));
        expect(asLf.filter((r) => !blank(r))).toEqual(lf.data.filter((r) => !blank(r)));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps each line break inside quotes as it was and counts it as one line', () => {
    const rows = parse(['a,"x\r\ny\rz\nw"\r', '\nb\rc\n']);
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'x\r\ny\rz\nw'] },
      { line: 5, cells: ['b'] },
      { line: 6, cells: ['c'] },
      { line: 7, cells: [''] },
    ]);
  });
});

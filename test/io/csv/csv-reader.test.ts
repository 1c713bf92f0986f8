import { describe, expect, it } from 'vitest';
import { readText } from './stream-helpers.js';

const utf16le = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string): Buffer => {
  const body = Buffer.from(text, 'utf16le').swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
};

describe('dialect', () => {
  it.each([
    [',', 'name,size,country\nAcme,10,BR\nBeta,20,US\n'],
    [';', 'name;size;country\nAcme;1,5;BR\nBeta;2,75;US\n'],
    ['\t', 'name\tsize\tcountry\nAcme, Inc.\t10\tBR\nBeta\t20\tUS\n'],
    ['|', 'name|size|country\nAcme;Beta|10|BR\nBeta|20|US\n'],
  ])('sniffs %j', async (delimiter, text) => {
    const { file, rows } = await readText(text);
    expect(file.delimiter).toBe(delimiter);
    expect(file.header).toEqual(['name', 'size', 'country']);
    expect(rows.map((r) => r.cells[0])).toEqual([text.split('\n')[1]?.split(delimiter)[0], 'Beta']);
  });

  it('lets the delimiter option override sniffing, with tab spelled out', async () => {
    expect((await readText('a,b;c\n1,2;3\n', { delimiter: ';' })).rows[0]?.cells).toEqual(['1,2', '3']);
    expect((await readText('a,b\tc\n1,2\t3\n', { delimiter: 'tab' })).file.header).toEqual(['a,b', 'c']);
    expect((await readText('a,b\tc\n1,2\t3\n', { delimiter: '\\t' })).file.delimiter).toBe('\t');
  });

  it('rejects a delimiter that cannot work as a usage error', async () => {
    await expect(readText('a,b\n', { delimiter: '"' })).rejects.toMatchObject({ name: 'UsageError', exitCode: 2 });
  });

  it('reads quoted headers with delimiters and quotes inside', async () => {
    const { file, rows } = await readText('"First Name","Last, Name","Say ""hi"""\nAda,Lovelace,x\n');
    expect(file.header).toEqual(['First Name', 'Last, Name', 'Say "hi"']);
    expect(rows).toEqual([{ line: 2, cells: ['Ada', 'Lovelace', 'x'] }]);
  });

  it('reads CRLF files without leaving \\r in the last cell', async () => {
    const { rows } = await readText('a,b\r\n1,2\r\n3,4\r\n', { chunk: 3 });
    expect(rows).toEqual([
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
  });

  it('reads old Mac CR-only files', async () => {
    const { rows } = await readText('a,b\r1,2\r3,4');
    expect(rows).toEqual([
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
  });

  it('keeps a line of delimiters only as a row of empty cells, and skips empty lines', async () => {
    const { rows, file } = await readText('a,b,c\n\n1,2,3\n,,\n   \n\r\n4,5,6\n\n');
    expect(rows).toEqual([
      { line: 3, cells: ['1', '2', '3'] },
      { line: 4, cells: ['', '', ''] },
      { line: 7, cells: ['4', '5', '6'] },
    ]);
    expect(file.stats().rows).toBe(3);
  });

  it('finds the header after leading blank lines', async () => {
    const { file, rows } = await readText('\n\nid,name\n1,x\n');
    expect(file.header).toEqual(['id', 'name']);
    expect(file.headerLine).toBe(3);
    expect(rows[0]?.line).toBe(4);
  });
});

describe('line numbers', () => {
  it('advances past newlines inside quoted cells, in the header too', async () => {
    const text = 'id,"long\nheader"\n1,"two\nline\r\nbreaks"\n2,x\n3,"y"\n';
    const { rows } = await readText(text, { chunk: 4 });
    expect(rows.map((r) => r.line)).toEqual([3, 6, 7]);
    expect(rows[0]?.cells).toEqual(['1', 'two\nline\r\nbreaks']);
  });

  it('reads on past the sniffing head when the header itself spans many lines', async () => {
    const { file, rows } = await readText(`id,"notes${'\n'.repeat(30)}"\n1,x\n`, { chunk: 2 });
    expect(file.header).toEqual(['id', 'notes']);
    expect(rows).toEqual([{ line: 32, cells: ['1', 'x'] }]);
  });

  it('counts lines correctly when a quoted cell spans many chunks', async () => {
    const cell = 'x\n'.repeat(5000);
    const { rows } = await readText(`a,b\n1,"${cell}"\n2,3\n`, { chunk: 7 });
    expect(rows.map((r) => r.line)).toEqual([2, 5003]);
    expect(rows[0]?.cells[1]).toBe(cell);
  });
});

describe('encodings', () => {
  it('strips a UTF-8 BOM', async () => {
    const { file } = await readText(Buffer.from('\uFEFFid,name\n1,x\n'));
    expect(file.header).toEqual(['id', 'name']);
    expect(file.rawHeader[0]).toBe('id');
    expect(file).toMatchObject({ bom: true, encoding: 'utf-8' });
  });

  it('decodes UTF-16LE and UTF-16BE by their BOM, even byte by byte', async () => {
    const text = 'name;city\nZoë;São Paulo\n😀;東京\n';
    for (const [bytes, encoding] of [
      [utf16le(text), 'utf-16le'],
      [utf16be(text), 'utf-16be'],
    ] as const) {
      const { file, rows } = await readText(bytes, { encoding: 'latin1' });
      expect(file).toMatchObject({ encoding, bom: true, delimiter: ';', header: ['name', 'city'] });
      expect(rows.map((r) => r.cells)).toEqual([
        ['Zoë', 'São Paulo'],
        ['😀', '東京'],
      ]);
    }
  });

  it('decodes latin1 when asked', async () => {
    const bytes = Buffer.from([...Buffer.from('name\n'), 0x43, 0x61, 0x66, 0xe9, 0x0a]);
    const { file, rows } = await readText(bytes, { encoding: 'latin1' });
    expect(rows[0]?.cells).toEqual(['Café']);
    // WHATWG (and so TextDecoder) treats the latin1 label as windows-1252.
    expect(file.encoding).toBe('windows-1252');
  });

  it('decodes multi-byte UTF-8 characters split across 1-byte chunks', async () => {
    const { rows } = await readText('name,emoji\nJosé,😀\n東京,€\n', { chunk: 1 });
    expect(rows.map((r) => r.cells)).toEqual([
      ['José', '😀'],
      ['東京', '€'],
    ]);
  });

  it('rejects an unknown encoding as a usage error naming it', async () => {
    await expect(readText('a\n', { encoding: 'klingon-8' })).rejects.toMatchObject({
      name: 'UsageError',
      message: expect.stringContaining('klingon-8'),
    });
  });

  it('warns once when UTF-8 input has invalid bytes, but not for a real U+FFFD', async () => {
    const bad = Buffer.from([...Buffer.from('name\nCaf'), 0xe9, 0x0a, 0xe9, 0x0a]);
    const { warnings } = await readText(bad);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/not valid UTF-8.*--encoding windows-1252/);
    expect((await readText('name\n\uFFFD\n')).warnings).toEqual([]);
  });
});

describe('headers', () => {
  it('trims names, renames blank and duplicate ones and warns on line 1', async () => {
    const { file, warnings } = await readText(' id ,,name,name,,name\n1,2,3,4,5,6\n');
    expect(file.rawHeader).toEqual([' id ', '', 'name', 'name', '', 'name']);
    expect(file.header).toEqual(['id', 'column_2', 'name', 'name_2', 'column_5', 'name_3']);
    expect(warnings.map((w) => [w.message, w.file, w.line])).toEqual([
      ['blank header in column 2 named "column_2"', '<stdin>', 1],
      ['duplicate header "name" in column 4 renamed to "name_2"', '<stdin>', 1],
      ['blank header in column 5 named "column_5"', '<stdin>', 1],
      ['duplicate header "name" in column 6 renamed to "name_3"', '<stdin>', 1],
    ]);
  });

  it('treats __proto__, constructor and toString as ordinary columns', async () => {
    const { file, rows } = await readText('__proto__,constructor,toString\n1,2,3\n');
    expect(file.header).toEqual(['__proto__', 'constructor', 'toString']);
    expect(rows[0]?.cells).toEqual(['1', '2', '3']);
    expect(Array.isArray(rows[0]?.cells)).toBe(true);
  });
});

describe('rows with the wrong number of fields', () => {
  it('keeps short and long rows as read and warns with their line', async () => {
    const { rows, warnings, file } = await readText('a,b,c,d\n1,2,3,4\n1,2,3\n"x\ny",2,3,4,5\n');
    expect(rows.map((r) => r.cells)).toEqual([
      ['1', '2', '3', '4'],
      ['1', '2', '3'],
      ['x\ny', '2', '3', '4', '5'],
    ]);
    expect(warnings).toEqual([
      { message: 'line 3 has 3 fields, expected 4', file: '<stdin>', line: 3 },
      { message: 'line 4 has 5 fields, expected 4', file: '<stdin>', line: 4 },
    ]);
    expect(file.stats().malformedRows).toBe(2);
  });

  it('reports the first 20 and then one summary with the total', async () => {
    const text = 'a,b\n' + '1\n'.repeat(25) + '1,2\n';
    const { warnings, file } = await readText(text, { chunk: 64 });
    expect(warnings).toHaveLength(21);
    expect(warnings[19]?.message).toBe('line 21 has 1 field, expected 2');
    expect(warnings[20]?.message).toMatch(/^25 rows have a different number of fields than the header \(2\)/);
    expect(file.stats()).toMatchObject({ rows: 26, malformedRows: 25 });
  });

  it('warns about a quote inside a quoted field that is not doubled', async () => {
    const { warnings } = await readText('a,b\n1,2\n"12" screen",3\n');
    expect(warnings).toContainEqual(expect.objectContaining({ line: 3, message: expect.stringMatching(/quote/) }));
  });
});

import { chmodSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IcpError } from '../../../src/errors.js';
import { readCsv } from '../../../src/io/csv/csv-reader.js';
import { readText, tempDir } from './stream-helpers.js';

const dir = tempDir();

describe('unterminated quotes', () => {
  it('names line 2 for `a,b\\n1,"x\\n`', async () => {
    const error = await readText('a,b\n1,"x\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IcpError);
    expect(error).toMatchObject({
      exitCode: 1,
      message: 'unterminated quoted field starting on line 2',
      place: { file: '<stdin>', line: 2 },
      hint: expect.stringContaining('stray "'),
    });
  });

  it('names the line of the opening quote after multi-line cells, in any chunking', async () => {
    const text = 'a,b\n1,"x\ny"\n2,3\n4,5\n6,"never\nclosed\n7,8\n';
    for (const chunk of [1, 5, 1000]) {
      await expect(readText(text, { chunk })).rejects.toMatchObject({ place: { line: 6 } });
    }
  });

  it('names the line when the quote opens in the header', async () => {
    await expect(readText('a,"b\n1,2\n')).rejects.toMatchObject({ place: { line: 1 } });
  });

  it('gives up on a quoted field still open after maxRowChars instead of buffering the file', async () => {
    const text = 'a,b\n1,2\n3,"oops\n' + '4,5\n'.repeat(2000);
    await expect(readText(text, { chunk: 256, maxRowChars: 1000 })).rejects.toMatchObject({
      message: expect.stringMatching(/^unterminated quoted field starting on line 3 \(still open after/),
      place: { line: 3 },
    });
  });

  it('rejects a line longer than maxRowChars', async () => {
    const text = 'a,b\n' + 'x'.repeat(100_000);
    await expect(readText(text, { chunk: 4096, maxRowChars: 1000 })).rejects.toMatchObject({
      message: expect.stringMatching(/^line 2 is longer than/),
    });
  });
});

describe('unreadable and empty input', () => {
  it('reports a missing file with a hint', async () => {
    const path = `${dir.path}/nope.csv`;
    await expect(readCsv(path)).rejects.toMatchObject({
      name: 'IcpError',
      exitCode: 1,
      message: `cannot read ${path}: no such file or directory`,
      hint: expect.any(String),
    });
  });

  it('reports a directory', async () => {
    await expect(readCsv(dir.path)).rejects.toMatchObject({
      message: `cannot read ${dir.path}: it is a folder`,
    });
  });

  it.skipIf(process.getuid?.() === 0)('reports a file without read permission', async () => {
    const path = dir.write('secret.csv', 'a\n1\n');
    chmodSync(path, 0o000);
    await expect(readCsv(path)).rejects.toMatchObject({ message: `cannot read ${path}: permission denied` });
  });

  it.each([
    ['an empty file', ''],
    ['blank lines only', '\n\r\n  \n'],
    ['a BOM only', '\uFEFF'],
  ])('reports %s as empty', async (_name, content) => {
    const path = dir.write('empty.csv', content);
    await expect(readCsv(path)).rejects.toMatchObject({ name: 'IcpError', message: `${path} is empty` });
  });

  it('names stdin as <stdin>', async () => {
    await expect(readText('')).rejects.toMatchObject({ message: '<stdin> is empty' });
  });

  it('refuses binary input such as a spreadsheet', async () => {
    const xlsxStart = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    await expect(readText(xlsxStart)).rejects.toMatchObject({ message: expect.stringMatching(/NUL bytes/) });
  });
});

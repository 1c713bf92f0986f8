import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InternalError } from '../../../src/errors.js';
import { openCsv, readCsv } from '../../../src/io/csv/csv-reader.js';
import { chunkedStream, tempDir } from './stream-helpers.js';

const dir = tempDir();

/** File descriptors of this process that point at `path` (Linux only). */
function openDescriptors(path: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false;
    }
  }).length;
}

async function until(condition: () => boolean): Promise<boolean> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return condition();
}

describe('stats', () => {
  it('counts rows and bytes and hashes the raw bytes, BOM included', async () => {
    const content = '\uFEFFid;name\r\n1;"a\r\nb"\r\n\r\n2;c\r\n';
    const path = dir.write('stats.csv', content);
    const { file, rows } = await readCsv(path);
    expect(rows).toHaveLength(2);
    expect(file.stats()).toEqual({
      rows: 2,
      bytes: statSync(path).size,
      sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
      malformedRows: 0,
    });
  });

  it('hashes stdin the same way', async () => {
    const content = 'a,b\n1,2\n';
    const { file } = await readCsv('-', { stdin: chunkedStream(content, 3) });
    expect(file.path).toBe('-');
    expect(file.displayName).toBe('<stdin>');
    expect(file.stats().sha256).toBe(createHash('sha256').update(content).digest('hex'));
  });
});

describe('streaming', () => {
  it('throws InternalError when rows() is called twice', async () => {
    const file = await openCsv('-', { stdin: chunkedStream('a\n1\n', 64) });
    file.rows();
    expect(() => file.rows()).toThrow(InternalError);
    file.close();
  });

  it('destroys the input stream on an early break', async () => {
    const stdin = chunkedStream('a,b\n' + '1,2\n'.repeat(1000), 16);
    const file = await openCsv('-', { stdin });
    for await (const row of file.rows()) {
      expect(row.line).toBe(2);
      break;
    }
    expect(stdin.destroyed).toBe(true);
  });

  it.skipIf(!existsSync('/proc/self/fd'))('closes the file handle on an early break', async () => {
    const path = dir.write('break.csv', 'a,b\n' + '1,2\n'.repeat(100_000));
    const file = await openCsv(path);
    for await (const row of file.rows()) {
      expect(openDescriptors(path)).toBe(1);
      expect(row.cells).toEqual(['1', '2']);
      break;
    }
    expect(await until(() => openDescriptors(path) === 0)).toBe(true);
  });

  it('reads ahead only as far as the consumer asks', async () => {
    let pulled = 0;
    const total = 10_000;
    const stdin = new Readable({
      highWaterMark: 64,
      read() {
        pulled++;
        this.push(pulled === 1 ? 'id,n\n' : pulled <= total ? `${pulled},x\n` : null);
      },
    });
    const file = await openCsv('-', { stdin });
    let seen = 0;
    for await (const _row of file.rows()) {
      if (++seen === 100) break;
    }
    expect(pulled).toBeLessThan(total / 10);
  });

  it('close() releases the input when only the header was needed', async () => {
    const stdin = chunkedStream('a,b\n1,2\n', 2);
    const file = await openCsv('-', { stdin });
    expect(file.header).toEqual(['a', 'b']);
    file.close();
    expect(stdin.destroyed).toBe(true);
  });
});

const olist = '/work/shared/datasets/olist-funnel/olist_closed_deals_dataset.csv';

describe.skipIf(!existsSync(olist))('real export: olist closed deals', () => {
  it('reads the CRLF file: 842 rows of 14 columns', async () => {
    const { file, rows } = await readCsv(olist);
    expect(file.delimiter).toBe(',');
    expect(file.header).toHaveLength(14);
    expect(file.header[0]).toBe('mql_id');
    expect(rows).toHaveLength(842);
    expect(rows.every((r) => r.cells.length === 14)).toBe(true);
    expect(rows.some((r) => r.cells.some((c) => c.includes('\r')))).toBe(false);
    expect(file.stats()).toMatchObject({ rows: 842, malformedRows: 0, bytes: statSync(olist).size });
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll } from 'vitest';
import type { CsvReadOptions } from '../../../src/io/csv/csv-read-options.js';
import { readCsv } from '../../../src/io/csv/csv-reader.js';
import { collectWarnings } from '../../../src/core/warnings.js';

/** A stream that hands out `bytes` in pieces of `size` bytes, to hit every chunk boundary. */
export function chunkedStream(bytes: Uint8Array | string, size = 1): Readable {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  const pieces: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += size) pieces.push(buffer.subarray(i, i + size));
  return Readable.from(pieces);
}

/** Reads `text` as stdin, 1 byte per chunk unless told otherwise, collecting warnings. */
export async function readText(text: string | Uint8Array, options: CsvReadOptions & { chunk?: number } = {}) {
  const { sink, warnings } = collectWarnings();
  const result = await readCsv('-', { ...options, stdin: chunkedStream(text, options.chunk ?? 1), onWarning: sink });
  return { ...result, warnings };
}

/** A temporary directory removed after the test file; files written into it by name. */
export function tempDir(): { path: string; write(name: string, content: string | Uint8Array): string } {
  const path = mkdtempSync(join(tmpdir(), 'icp-io-'));
  afterAll(() => rmSync(path, { recursive: true, force: true }));
  return {
    path,
    write(name, content) {
      const file = join(path, name);
      writeFileSync(file, content);
      return file;
    },
  };
}

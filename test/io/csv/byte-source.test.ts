import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openByteSource } from '../../../src/io/csv/byte-source.js';

describe('openByteSource on a file', () => {
  it('hands out the file in chunks of at most chunkBytes, whole and in order, with its size and sha256', async () => {
    const bytes = Buffer.from(Array.from({ length: 300_001 }, (_, i) => (i * 31 + (i >> 8)) & 0xff));
    const path = join(mkdtempSync(join(tmpdir(), 'icp-bytes-')), 'f.csv');
    writeFileSync(path, bytes);
    for (const chunkBytes of [1000, 64 * 1024, undefined]) {
      const source = openByteSource(path, process.stdin, chunkBytes === undefined ? {} : { chunkBytes });
      const chunks: Uint8Array[] = [];
      for (let c = await source.read(); c !== null; c = await source.read()) chunks.push(c);
      expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(chunkBytes ?? 64 * 1024);
      expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
      expect(source.bytes).toBe(bytes.length);
      expect(source.sha256()).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});

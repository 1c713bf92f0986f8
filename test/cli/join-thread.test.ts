import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JoinThread as JoinThreadType } from '../../src/cli/join-thread.js';
import type { RecordScanner as RecordScannerType } from '../../src/io/record-scanner.js';
import { ROOT } from '../helpers/spawn-icp.js';

// The worker runs compiled code only: these tests load the built dist/ (the global setup builds it).
const dist = (path: string) => import(pathToFileURL(join(ROOT, 'dist', path)).href);
const { JoinThread } = (await dist('cli/join-thread.js')) as { JoinThread: typeof JoinThreadType };
const { RecordScanner } = (await dist('io/record-scanner.js')) as { RecordScanner: typeof RecordScannerType };

function batch() {
  const scanner = new RecordScanner({ delimiter: ',', file: 'd.csv', maxRowBytes: 2 ** 20 });
  return scanner.end(Buffer.from('a,b\n1,2\n')) as NonNullable<ReturnType<RecordScannerType['end']>>;
}

describe('JoinThread', () => {
  it('reports a worker that fails as an error of its own, and refuses further batches', async () => {
    const thread = JoinThread.spawn() as JoinThreadType;
    expect(thread).toBeDefined();
    // A batch before init: the worker has no join to add it to, and says so.
    expect(thread.offer(batch(), 0)).toBe(true);
    await expect(thread.finish()).rejects.toThrow(/a deal-joining thread failed: .*"batch" before "init"/);
    expect(() => thread.offer(batch(), 1)).toThrow(/a deal-joining thread failed/);
  });

  it('reports a worker that stops before it is done', async () => {
    const thread = JoinThread.spawn() as JoinThreadType;
    thread.stop();
    await expect(thread.finish()).rejects.toThrow(/stopped before it was done/);
  });
});

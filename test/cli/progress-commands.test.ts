import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fixture } from '../helpers/spawn-icp.js';

/** Runs the CLI in-process with stderr on a (pretend) terminal, the clock racing ahead 300 ms a call. */
async function onTerminal(args: string[], cwd = mkdtempSync(join(tmpdir(), 'icp-progress-'))): Promise<{ code: number; stderr: string }> {
  let clock = 0;
  vi.spyOn(Date, 'now').mockImplementation(() => (clock += 300));
  let stderr = '';
  const code = await main(['node', 'icp', ...args], {
    stdout: { write: () => true, isTTY: false },
    stderr: {
      write: (s: string) => {
        stderr += s;
        return true;
      },
      isTTY: true,
    },
    stdin: Readable.from([]),
    env: {},
    cwd,
    now: () => new Date('2026-11-23T12:00:00Z'),
  });
  return { code, stderr };
}

afterEach(() => vi.restoreAllMocks());

describe('progress on stderr for commands that read whole files (terminal only)', () => {
  it('derive shows the rows read of the customers and of the deals, then clears the line', async () => {
    const r = await onTerminal(['derive', fixture('customers.csv'), '--deals', fixture('deals.csv'), '--fast', '-o', 'icp.yaml']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/\r\x1b\[2Kderive: read [\d,]+ rows of .*customers\.csv/);
    expect(r.stderr).toMatch(/\r\x1b\[2Kderive: read [\d,]+ rows of .*deals\.csv/);
  });

  it('report and review show the rows read of each file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icp-progress-'));
    expect(
      (await onTerminal(['derive', fixture('customers.csv'), '--deals', fixture('deals.csv'), '--fast', '--until', '2026-06-30', '-o', 'icp.yaml'], dir)).code,
    ).toBe(0);
    const r = await onTerminal(['report', '--customers', fixture('customers.csv'), '--deals', fixture('deals.csv')], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/report: read [\d,]+ rows of .*deals\.csv/);
    const v = await onTerminal(['review', '--customers', fixture('customers.csv'), '--deals', fixture('deals.csv'), '--quarter', '2026Q3'], dir);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stderr).toMatch(/review: read [\d,]+ rows of .*customers\.csv/);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INDUSTRY_SIZE, manualIcpYaml } from '../helpers/manual-icp.js';
import { BIN, fixture, spawnIcp } from '../helpers/spawn-icp.js';

// The bundled leads, header apart: fed to stdin a batch at a time, so the run is surely mid-write when killed.
const [LEADS_HEADER, ...LEAD_ROWS] = readFileSync(fixture('leads.csv'), 'utf8').trimEnd().split('\n');

let dir: string;
let child: ChildProcess | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'icp-interrupt-'));
  writeFileSync(join(dir, 'icp.yaml'), manualIcpYaml(INDUSTRY_SIZE));
});
afterEach(() => {
  if (child?.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const temps = (): string[] => readdirSync(dir).filter((name) => name.includes('.icp-tmp-'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `icp score - -o out.csv` reading a stdin pipe that stays open, and feeds it rows until scored
 * rows have reached the temp file: from then on the process is writing and waits for more input.
 */
async function startScoring(): Promise<{ child: ChildProcess; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; temp: string }> {
  const proc = spawn(process.execPath, [BIN, 'score', '-', '--icp', 'icp.yaml', '-o', 'out.csv', '--quiet'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  child = proc;
  let stderr = '';
  proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  proc.stdin?.on('error', () => undefined); // the pipe breaks when the process is killed
  proc.stdin?.write(`${LEADS_HEADER}\n`);
  for (let round = 0; round < 400; round++) {
    const [temp] = temps();
    if (temp !== undefined && statSync(join(dir, temp)).size > 0) return { child: proc, exited, temp };
    if (proc.exitCode !== null) throw new Error(`icp score ended early (${proc.exitCode}): ${stderr}`);
    proc.stdin?.write(LEAD_ROWS.join('\n') + '\n');
    await sleep(25);
  }
  throw new Error(`no scored rows reached a temp file in ${dir}: ${stderr}`);
}

describe('an interrupted icp score -o (the built binary)', () => {
  it('on SIGINT removes its temp file, writes no out.csv and exits 130', async () => {
    const run = await startScoring();
    run.child.kill('SIGINT');
    expect(await run.exited).toEqual({ code: 130, signal: null });
    expect(readdirSync(dir).sort()).toEqual(['icp.yaml']);
  });

  it('on SIGTERM removes its temp file, leaves the old out.csv untouched and exits 143', async () => {
    writeFileSync(join(dir, 'out.csv'), 'old,output\n');
    const run = await startScoring();
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 143, signal: null });
    expect(temps()).toEqual([]);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('old,output\n');
  });

  it("after kill -9, the next run to the same target removes the dead run's temp file, and no live run's", async () => {
    const run = await startScoring();
    run.child.kill('SIGKILL');
    expect(await run.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(temps()).toEqual([run.temp]);
    // This test process is alive: a temp file named after it belongs to a run still writing.
    const live = `.out.csv.icp-tmp-${process.pid}-0123456789ab`;
    writeFileSync(join(dir, live), 'still being written');
    // Another target's temp file is not this run's business, even from a dead process.
    const other = run.temp.replace('.out.csv.', '.other.csv.');
    writeFileSync(join(dir, other), 'x');
    writeFileSync(join(dir, 'leads.csv'), readFileSync(fixture('leads.csv')));
    const next = spawnIcp(['score', 'leads.csv', '--icp', 'icp.yaml', '-o', 'out.csv', '--quiet'], { cwd: dir });
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    expect(temps().sort()).toEqual([live, other].sort());
    expect(existsSync(join(dir, run.temp))).toBe(false);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8').split('\n')[0]).toBe(`${LEADS_HEADER},icp_score,icp_tier,icp_matched,icp_unknown`);
  });
});

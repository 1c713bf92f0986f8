import { spawn } from 'node:child_process';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync } from 'node:fs';

export const TIME = '/usr/bin/time';

/** One run of a command: wall time and peak resident memory of the process. */
export interface Sample {
  wallSeconds: number;
  peakRssMb: number;
}

export interface Command {
  argv: string[];
  cwd: string;
  /** Standard output goes to this file (truncated each run). */
  stdoutFile: string;
  stderrFile: string;
  /** Syncs the standard output file to disk after the process exits, inside the measured time. */
  fsyncStdout?: boolean;
}

/** How peak memory is read: GNU time's "Maximum resident set size", else VmHWM polled from /proc. */
export function memoryMethod(): string {
  return existsSync(TIME) ? '/usr/bin/time -v (maximum resident set size)' : 'VmHWM from /proc/<pid>/status, polled every 5 ms';
}

/** Runs the command once and measures it; throws when it exits non-zero (with its stderr). */
export async function runOnce(command: Command): Promise<Sample> {
  const useTime = existsSync(TIME);
  const timeFile = `${command.stderrFile}.time`;
  const [program, ...args] = command.argv as [string, ...string[]];
  const argv = useTime ? [TIME, '-v', '-o', timeFile, program, ...args] : command.argv;
  const out = openSync(command.stdoutFile, 'w');
  const err = openSync(command.stderrFile, 'w');
  const start = process.hrtime.bigint();
  let peakKb = 0;
  try {
    const child = spawn(argv[0] as string, argv.slice(1), { cwd: command.cwd, stdio: ['ignore', out, err] });
    const poll = useTime ? undefined : setInterval(() => (peakKb = Math.max(peakKb, vmHwmKb(child.pid))), 5);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (exitCode) => resolve(exitCode));
    });
    if (poll) clearInterval(poll);
    // What `-o` pays in its commit: the written file reaches the disk.
    if (command.fsyncStdout) fsyncSync(out);
    const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (code !== 0) {
      throw new Error(`${command.argv.join(' ')} exited with ${code}:\n${readFileSync(command.stderrFile, 'utf8').slice(-2000)}`);
    }
    if (useTime) peakKb = maxRssKb(readFileSync(timeFile, 'utf8'));
    return { wallSeconds, peakRssMb: peakKb / 1024 };
  } finally {
    closeSync(out);
    closeSync(err);
  }
}

function maxRssKb(report: string): number {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
  if (!match) throw new Error(`no maximum resident set size in ${TIME} output:\n${report}`);
  return Number(match[1]);
}

function vmHwmKb(pid: number | undefined): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // the process is gone
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

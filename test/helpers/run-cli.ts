import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with string buffers for stdout/stderr (no TTY, no colour). */
export async function runCli(args: string[], options: { cwd?: string; stdin?: string | Buffer; env?: NodeJS.ProcessEnv; now?: Date } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'icp', ...args], {
    stdout: {
      write: (s: string) => {
        stdout += s;
        return true;
      },
      isTTY: false,
    },
    stderr: {
      write: (s: string) => {
        stderr += s;
        return true;
      },
      isTTY: false,
    },
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    now: () => options.now ?? new Date('2026-11-23T12:00:00Z'),
  });
  return { code, stdout, stderr };
}

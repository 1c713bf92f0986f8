import type { Warning } from '../core/warnings.js';

/** A text sink; process.stdout in real runs, a string buffer in tests. */
export interface Out {
  write(text: string): unknown;
}

/**
 * Everything a command may touch of the process, passed in so that tests can run a command
 * without spawning it (csvkit's injectable streams).
 */
export interface CommandContext {
  stdout: Out;
  stderr: Out;
  /** Readable used when an input path is `-`. */
  stdin: NodeJS.ReadableStream;
  /** True when stdout is a terminal: default to tables, allow colour. */
  stdoutIsTTY: boolean;
  /** True when stderr is a terminal: progress lines are drawn only then. */
  stderrIsTTY: boolean;
  color: boolean;
  verbose: boolean;
  quiet: boolean;
  cwd: string;
  /** Reports a warning on stderr (unless --quiet). */
  warn(warning: Warning): void;
  /** Wall clock, injectable so that tests and reviews are reproducible. */
  now(): Date;
}

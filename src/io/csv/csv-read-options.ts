import type { WarningSink } from '../../core/warnings.js';

/** How a CSV file is read: every reader of the project takes these. */
export interface CsvReadOptions {
  /** Used when the file has no BOM; any label Node's TextDecoder knows. Default 'utf-8'. */
  encoding?: string;
  /** Overrides sniffing; `tab` and `\t` (backslash, t) also mean a tab. */
  delimiter?: string;
  onWarning?: WarningSink;
  /** Used when path is '-'; default process.stdin. */
  stdin?: NodeJS.ReadableStream;
  /** Longest row accepted, in bytes; guards memory against a stray quote. Default 16 Mi. */
  maxRowChars?: number;
}

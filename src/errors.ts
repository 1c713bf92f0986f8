/** Where a problem was found; every field optional because not every error has a place. */
export interface Place {
  file?: string;
  line?: number;
  column?: string | number;
}

export interface IcpErrorOptions extends Place {
  hint?: string | undefined;
  cause?: unknown;
  /** Further lines worth showing under the error, e.g. every other problem of an invalid ICP file. */
  details?: string[];
}

/** A data or runtime problem the user can fix: exit 1. */
export class IcpError extends Error {
  readonly exitCode: number = 1;
  readonly hint: string | undefined;
  readonly place: Place;
  readonly details: string[];

  constructor(message: string, options: IcpErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'IcpError';
    this.hint = options.hint;
    this.details = options.details ?? [];
    this.place = { file: options.file, line: options.line, column: options.column };
  }
}

/** The command line itself is wrong (unknown flag, missing argument, ambiguous choice): exit 2. */
export class UsageError extends IcpError {
  override readonly exitCode: number = 2;
  constructor(message: string, options: IcpErrorOptions = {}) {
    super(message, options);
    this.name = 'UsageError';
  }
}

/**
 * A usage problem that only the data shows (a column the file lacks, a tier the ICP lacks), found in core.
 * Core knows options by name, not by flag: `option` is the option's key (`key`, `icpTiers`), and the message
 * and hint write an option as `⟨key⟩`. The command line words them as its flags (`--key`, `--icp-tiers`);
 * see wordOptions in cli/option-words.ts, which the library exports too. Exit 2, as any usage error.
 */
export class OptionError extends UsageError {
  constructor(
    readonly option: string,
    message: string,
    options: IcpErrorOptions = {},
  ) {
    super(message, options);
    this.name = 'OptionError';
  }
}

/** A bug in icp, not in the user's data: exit 1, and always worth a stack trace with --verbose. */
export class InternalError extends IcpError {
  constructor(message: string, options: IcpErrorOptions = {}) {
    super(message, options);
    this.name = 'InternalError';
  }
}

/** `file:line, column "x"` in the order a person reads it; empty when nothing is known. */
export function formatPlace(place: Place): string {
  const parts: string[] = [];
  if (place.file) parts.push(place.line ? `${place.file}:${place.line}` : place.file);
  else if (place.line) parts.push(`line ${place.line}`);
  if (place.column !== undefined) parts.push(`column ${JSON.stringify(String(place.column))}`);
  return parts.join(', ');
}

import { Chalk } from 'chalk';
import type { Warning } from '../core/warnings.js';
import { formatPlace, IcpError, InternalError, UsageError } from '../errors.js';

/** A chalk that colours only when asked, so every renderer decides colour the same way. */
export function paint(color: boolean): InstanceType<typeof Chalk> {
  return new Chalk({ level: color ? 1 : 0 });
}

/** `icp: error: <what> (<file>:<line>)` plus a `hint:` line, and the stack with --verbose. */
export function renderError(err: unknown, options: { verbose: boolean; color: boolean; command?: string | undefined }): string {
  const c = paint(options.color);
  const known = err instanceof IcpError && !(err instanceof InternalError);
  const message = err instanceof Error ? err.message : String(err);
  const place = err instanceof IcpError ? formatPlace(err.place) : '';
  const firstLine = message.split('\n')[0] ?? '';
  const lines = [`${c.red.bold('icp: error:')} ${firstLine}${place ? ` (${place})` : ''}`];
  if (err instanceof IcpError) lines.push(...err.details.map((d) => `  ${d}`));
  const help = options.command ? `icp ${options.command} --help` : 'icp --help';
  // Every error ends with a hint: its own, or where to look next.
  const hint = !known
    ? 'this looks like a bug in icp; rerun with --verbose and report the output'
    : (err.hint ??
      (err instanceof UsageError ? `see "${help}"` : place ? 'fix the input at the place named above and run again' : 'rerun with --verbose for the details'));
  lines.push(`${c.dim('hint:')} ${hint}`);
  if (options.verbose && err instanceof Error && err.stack) lines.push(c.dim(err.stack));
  return lines.join('\n');
}

/** `icp: warning: <what> (<file>:<line>)` on one line. */
export function renderWarning(w: Warning, color: boolean): string {
  const c = paint(color);
  const place = formatPlace(w);
  return `${c.yellow('icp: warning:')} ${w.message}${place ? ` (${place})` : ''}`;
}

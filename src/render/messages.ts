import { Chalk } from 'chalk';
import type { Warning } from '../core/warnings.js';
import { formatPlace, IcpError, InternalError } from '../errors.js';

/** A chalk that colours only when asked, so every renderer decides colour the same way. */
export function paint(color: boolean): InstanceType<typeof Chalk> {
  return new Chalk({ level: color ? 1 : 0 });
}

/** `icp: error: <what> (<file>:<line>)` plus a `hint:` line, and the stack with --verbose. */
export function renderError(err: unknown, options: { verbose: boolean; color: boolean }): string {
  const c = paint(options.color);
  const known = err instanceof IcpError && !(err instanceof InternalError);
  const message = err instanceof Error ? err.message : String(err);
  const place = err instanceof IcpError ? formatPlace(err.place) : '';
  const firstLine = message.split('\n')[0] ?? '';
  const lines = [`${c.red.bold('icp: error:')} ${firstLine}${place ? ` (${place})` : ''}`];
  const hint = known
    ? err.hint
    : 'this looks like a bug in icp; rerun with --verbose and report the output';
  if (hint) lines.push(`${c.dim('hint:')} ${hint}`);
  if (options.verbose && err instanceof Error && err.stack) lines.push(c.dim(err.stack));
  return lines.join('\n');
}

/** `icp: warning: <what> (<file>:<line>)` on one line. */
export function renderWarning(w: Warning, color: boolean): string {
  const c = paint(color);
  const place = formatPlace(w);
  return `${c.yellow('icp: warning:')} ${w.message}${place ? ` (${place})` : ''}`;
}
